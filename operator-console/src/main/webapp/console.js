// The operator console: everything is built with textContent (message bodies and properties are untrusted text).
'use strict';
let csrf = null;
let adapter = null;
let peeked = null;

const $ = (id) => document.getElementById(id);

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (className) e.className = className;
  return e;
}

function status(text, ok) {
  const s = $('status');
  s.textContent = text;
  s.className = ok ? 'ok' : 'error';
}

async function api(path, params, post) {
  const query = new URLSearchParams(params || {});
  if (adapter) query.set('adapter', adapter);
  const options = post
    ? { method: 'POST', headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/x-www-form-urlencoded' }, body: query }
    : { headers: { 'Accept': 'application/json' } };
  const response = await fetch(post ? 'api/' + path : 'api/' + path + '?' + query, options);
  if (!(response.headers.get('Content-Type') || '').startsWith('application/json')) {
    // an ended session answers with the login form
    throw new Error('Your session has ended: reload the page to sign in again.');
  }
  const body = await response.json().catch(() => ({ error: 'HTTP ' + response.status }));
  if (!response.ok) throw new Error(body.error || ('HTTP ' + response.status));
  return body;
}

// the provider's own queues behind topics and temporary destinations, named by what they are for
const KINDS = [['jmsaws-dur-', 'durable subscription'], ['jmsaws-shr-', 'shared subscription'], ['jmsaws-sub-', 'subscription'],
  ['jmsaws-tmp-', 'temporary queue']];

function count(n) {
  return n < 0 ? 'n/a' : n;
}

async function loadQueues() {
  const { queues } = await api('queues');
  const tbody = $('queues').querySelector('tbody');
  tbody.replaceChildren();
  for (const q of queues) {
    const isDlq = q.deadLetterFor.length > 0;
    const tr = el('tr');
    tr.dataset.queue = q.name;
    if (isDlq) tr.classList.add('dlq');
    if (isDlq && q.visible > 0) tr.classList.add('full');
    const name = el('td');
    name.append(el('span', q.name, 'mono'));
    if (q.fifo) name.append(el('span', 'FIFO', 'tag'));
    const kind = KINDS.find(([prefix]) => q.name.startsWith(prefix));
    if (kind) name.append(el('span', kind[1], 'tag'));
    if (isDlq) name.append(el('span', 'DLQ', 'tag dlq'));
    tr.append(name, el('td', count(q.visible), 'num visible'), el('td', count(q.inFlight), 'num'), el('td', count(q.delayed), 'num'));
    tr.append(el('td', isDlq ? 'holds the dead letters of ' + q.deadLetterFor.join(', ')
      : q.deadLetterQueue ? '→ ' + q.deadLetterQueue + ' at receive count ' + q.maxReceiveCount : 'no redrive policy'));
    const actions = el('td');
    const buttons = el('div', null, 'actions');
    const peek = el('button', q.peeks ? 'Peek (' + q.peeks + '×)' : 'Peek', 'peek');
    peek.title = 'Shows up to 10 messages; raises their receive counts by one';
    peek.onclick = () => run(() => showMessages(q.name));
    buttons.append(peek);
    if (isDlq) {
      const redrive = el('button', 'Redrive all', 'redrive-all primary');
      redrive.onclick = () => run(() => redrive_(q.name, []));
      buttons.append(redrive);
    }
    const purge = el('button', 'Purge…', 'purge danger');
    purge.onclick = () => askPurge(q.name);
    buttons.append(purge);
    actions.append(buttons);
    tr.append(actions);
    tbody.append(tr);
  }
}

async function showMessages(queue) {
  const { messages } = await api('peek', { queue, max: 10 }, true);
  peeked = queue;
  $('messages-section').hidden = false;
  $('peeked-queue').textContent = queue;
  const tbody = $('messages').querySelector('tbody');
  tbody.replaceChildren();
  for (const m of messages) {
    const tr = el('tr');
    tr.dataset.messageId = m.messageId;
    const pick = el('input');
    pick.type = 'checkbox';
    pick.className = 'select';
    pick.value = m.messageId;
    pick.onchange = updateSelection;
    const check = el('td');
    check.append(pick);
    const props = el('ul', null, 'props');
    for (const [k, v] of Object.entries(m.properties)) props.append(el('li', k + ' = ' + v, 'mono'));
    if (m.correlationId) props.append(el('li', 'JMSCorrelationID = ' + m.correlationId, 'mono'));
    if (m.jmsType) props.append(el('li', 'JMSType = ' + m.jmsType, 'mono'));
    const propsCell = el('td');
    propsCell.append(props);
    tr.append(check, el('td', m.messageId, 'mono'), el('td', m.type), el('td', m.deliveryCount, 'num receives'),
      el('td', m.timestamp ? new Date(m.timestamp).toISOString().replace('T', ' ').replace('Z', ' UTC') : ''),
      el('td', m.groupId), propsCell, el('td', m.bodyPreview, 'body mono'));
    tbody.append(tr);
  }
  if (messages.length === 0) {
    const tr = el('tr');
    const td = el('td', 'No message visible (in-flight and delayed ones cannot be shown).');
    td.colSpan = 8;
    tr.append(td);
    tbody.append(tr);
  }
  const isDlq = !!document.querySelector('#queues tr.dlq[data-queue="' + CSS.escape(queue) + '"]');
  $('redrive-all').hidden = !isDlq;
  // a FIFO queue cannot give chosen messages: a held one blocks the rest of its group
  $('redrive-selected').hidden = !isDlq || queue.endsWith('.fifo');
  updateSelection();
  await loadQueues();
  status('Peeked at ' + messages.length + ' message(s) of ' + queue + '; their receive counts went up by one.', true);
}

function updateSelection() {
  $('redrive-selected').disabled = document.querySelectorAll('#messages input.select:checked').length === 0;
}

async function redrive_(queue, ids) {
  const params = new URLSearchParams({ queue });
  ids.forEach((id) => params.append('id', id));
  const { moved, chosen } = await api('redrive', params, true);
  if (chosen > 0 && moved < chosen) {
    status('Moved ' + moved + ' of ' + chosen + ' chosen message(s) from ' + queue + '; the others were not found '
      + '(another reader may hold them for a moment, or they are gone): peek again.', false);
  } else {
    status('Moved ' + moved + ' message(s) from ' + queue + ' back to its source queue.', true);
  }
  if (peeked === queue) $('messages-section').hidden = true;
  await loadQueues();
}

function askPurge(queue) {
  $('purge-name').textContent = queue;
  $('purge-confirm').value = '';
  $('purge-go').disabled = true;
  $('purge-dialog').dataset.queue = queue;
  $('purge-dialog').showModal();
}

async function run(action) {
  try {
    await action();
  } catch (e) {
    status(e.message, false);
  }
}

async function start() {
  const session = await api('session');
  csrf = session.csrf;
  $('user').textContent = session.user;
  if (session.off) {
    status(session.off, false);
    $('queues-section').classList.add('off');
    return;
  }
  adapter = session.adapters[0].id;
  $('backend').textContent = session.adapters[0].backend;
  await loadQueues();
}

$('refresh').onclick = () => run(loadQueues);
$('redrive-all').onclick = () => run(() => redrive_(peeked, []));
$('redrive-selected').onclick = () => run(() => redrive_(peeked,
  Array.from(document.querySelectorAll('#messages input.select:checked')).map((c) => c.value)));
$('purge-confirm').oninput = () => { $('purge-go').disabled = $('purge-confirm').value !== $('purge-dialog').dataset.queue; };
$('purge-dialog').addEventListener('close', () => {
  const queue = $('purge-dialog').dataset.queue;
  if ($('purge-dialog').returnValue !== 'purge') return;
  run(async () => {
    await api('purge', { queue, confirm: $('purge-confirm').value }, true);
    status('Purge of ' + queue + ' started: SQS deletes its messages within 60 seconds.', true);
    await loadQueues();
  });
});
run(start);
