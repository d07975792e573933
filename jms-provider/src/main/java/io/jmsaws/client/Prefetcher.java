package io.jmsaws.client;

import io.jmsaws.destination.JmsAwsDestination;
import io.jmsaws.policy.PrefetchPolicy;
import io.jmsaws.provider.InboundMessage;
import io.jmsaws.provider.QueueInfo;
import io.jmsaws.util.JmsExceptions;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A consumer's supply of messages: the ReceiveMessage requests that fill its buffer, and what the
 * buffer holds. Requests go out while someone wants messages: a receive() waits, a listener is
 * set, or a receive() consumer keeps reading (it reads ahead, see {@link ReadAhead}). What is
 * buffered is owned (its visibility is extended), kept while the connection is stopped (JMS's
 * stop pauses delivery; Spring's caching factories stop and start around every receive), and
 * given back when the consumer closes or nobody took any of it for {@code idleReleaseMillis}.
 * Expired messages are deleted unseen; messages whose delivery time is still ahead are hidden
 * until then.
 */
final class Prefetcher {
    private static final Logger LOG = LoggerFactory.getLogger(Prefetcher.class);

    private final JmsAwsSession session;
    /** What the application consumes from: the queue, or the topic whose subscription queue this reads. */
    private final JmsAwsDestination destination;
    private final QueueInfo info;
    private final Arrivals.Filter filter;
    /** The consumer and its session are open. */
    private final BooleanSupplier open;
    private final int prefetch;
    private final int batchSize;
    private final int waitTimeSeconds;
    private final Settlement settlement;
    private final ReadAhead readAhead;
    private boolean idleCheckScheduled;
    private final ArrayDeque<ReceivedMessage> buffer = new ArrayDeque<>();
    /** Long polls under way: one, or two while the queue has a backlog (see maybeFetch). */
    private int fetches;
    /** The last long poll came back full: the queue has more, and a second poll may run beside the first. */
    private boolean backlog;
    private boolean shortPolling;
    private final Set<CompletableFuture<?>> receivesInFlight = new HashSet<>();
    private boolean fetchScheduled;
    private int waitingReceivers;
    private long receiveDeadline = Long.MAX_VALUE; // of the receive(timeout) waiting now
    /** After a failed poll: the endpoint may come back. */
    private final Backoff retryDelay = new Backoff(200, 30_000);
    /** After a poll that brought only messages for other consumers: without it this consumer would spin on them. */
    private final Backoff selectorMissDelay = new Backoff(100, 5_000);
    private JMSException lastError;
    /** A MessageListener is set: fetch ahead of it, and wake the dispatcher when messages arrive. */
    private volatile boolean listening;
    private volatile boolean closed;

    Prefetcher(JmsAwsSession session, JmsAwsDestination destination, QueueInfo info, Arrivals.Filter filter, BooleanSupplier open) {
        this.session = session;
        this.destination = destination;
        this.info = info;
        this.filter = filter;
        this.open = open;
        PrefetchPolicy policy = PrefetchPolicy.from(session.connection().config());
        this.prefetch = policy.prefetch();
        this.batchSize = policy.batchSize();
        this.waitTimeSeconds = policy.waitTimeSeconds();
        this.settlement = session.connection().settlement();
        this.readAhead = new ReadAhead(policy);
    }

    /** A listener was set or removed. */
    synchronized void listening(boolean listening) { this.listening = listening; maybeFetch(); armIdleCheck(); }
    /** Asks for more if the buffer runs low (after a listener's delivery, or when it found the buffer empty). */
    synchronized void fetchIfWanted() { maybeFetch(); }

    /** The consumer closes: no more fetching; returns what the buffer held, to be given back. */
    synchronized List<ReceivedMessage> close() {
        closed = true;
        List<ReceivedMessage> held = new ArrayList<>(buffer);
        buffer.clear();
        stopReceivesInFlight();
        notifyAll();
        return held;
    }

    /**
     * Starts a ReceiveMessage if one is wanted. Call with the monitor held. A listener, and a
     * receive() consumer reading ahead, asks for the next whole batch (requests are what SQS bills)
     * when half of {@code prefetch} is left; while the queue has a backlog (the last poll came back
     * full) two polls may run at once, so it holds at most {@code prefetch / 2 + 2 × prefetch} (25).
     * Other receive() consumers fetch only while a receive() waits, only what it takes (a batch
     * with {@code readAhead=false}): a consumer nobody reads from takes nothing others could have.
     */
    private void maybeFetch() {
        int allowed = backlog && prefetch > 1 ? 2 : 1;
        if (fetches >= allowed || fetchScheduled || closed || !session.connection().isStarted()) return;
        boolean ahead = listening || readAhead.active();
        boolean wanted = ahead ? buffer.size() <= prefetch / 2 : waitingReceivers > buffer.size() && !receiveDeadlinePassed();
        if (!wanted) return;
        int max = ahead || !readAhead.enabled() ? batchSize : Math.min(batchSize, waitingReceivers - buffer.size());
        fetches++;
        fetch(max, pollSeconds(ahead), false);
    }

    /** The receive(timeout) waiting now is out of time: no poll for it (a 0-second poll answered at once used to recurse). */
    private boolean receiveDeadlinePassed() {
        return receiveDeadline != Long.MAX_VALUE && receiveDeadline <= System.currentTimeMillis();
    }

    /**
     * A long poll outlives neither the receive(timeout) that asked for it nor the configured wait
     * by more than a second (a poll nobody waits for hides what it takes). A consumer reading
     * ahead polls for the whole wait: what it brings is held, and released if nobody takes it.
     */
    private int pollSeconds(boolean ahead) {
        if (ahead || receiveDeadline == Long.MAX_VALUE) return waitTimeSeconds;
        long remaining = receiveDeadline - System.currentTimeMillis();
        return (int) Math.max(0, Math.min(waitTimeSeconds, (remaining + 999) / 1000));
    }

    /**
     * Starts one ReceiveMessage. Its answer is always handled on the connection's pool, never on the
     * stack that asked: the embedded backend answers a poll that need not wait before
     * {@code receive} returns, and an answer handled in place may start the next poll, whose answer
     * is handled in place, and so on. Whatever happens while handling it, the poll is counted as
     * ended (see {@link #answered}); an unexpected Throwable reaches the waiting receive or the
     * ExceptionListener and the consumer polls again after a pause.
     */
    private void fetch(int max, int waitSeconds, boolean shortPoll) {
        CompletableFuture<List<InboundMessage>> f;
        try {
            f = session.provider().receive(info, destination, max, waitSeconds, null);
        } catch (RuntimeException | Error e) {
            f = CompletableFuture.failedFuture(e); // the request could not even be made: handled like a failed one
        }
        if (!f.isDone()) receivesInFlight.add(f);
        CompletableFuture<List<InboundMessage>> request = f;
        Poll poll = new Poll(shortPoll);
        session.provider().trackReceiveWork(f.whenCompleteAsync((messages, error) -> {
            try {
                synchronized (this) {
                    receivesInFlight.remove(request);
                    if (error instanceof CancellationException || error != null && error.getCause() instanceof CancellationException) {
                        answered(poll); // stopped or closed; a start() since found this poll still counted: fetch now
                        maybeFetch();
                        return;
                    }
                }
                if (error != null) reportAndRetry(JmsExceptions.fromFailure(error, "ReceiveMessage on " + info), poll);
                else onFetched(messages, poll);
            } catch (RuntimeException | Error e) {
                onAnswerFailed(e, poll);
            } finally {
                synchronized (this) {
                    answered(poll);
                    notifyAll();
                }
            }
        }, session.connection().callbacks()));
    }

    /** One ReceiveMessage under way, counted in {@code fetches} (or {@code shortPolling}) until {@link #answered}. */
    private static final class Poll {
        final boolean shortPoll;
        boolean ended;
        Poll(boolean shortPoll) { this.shortPoll = shortPoll; }
    }

    /** The poll is no longer under way: counted down exactly once, whichever path its answer took. Call with the monitor held. */
    private void answered(Poll poll) {
        if (poll.ended) return;
        poll.ended = true;
        if (poll.shortPoll) shortPolling = false;
        else fetches--;
    }

    /** Handling an answer threw (a bug: decoding is lenient): reported like a failed poll, and polled again after a pause. */
    private void onAnswerFailed(Throwable t, Poll poll) {
        LOG.error("jms-aws: handling a ReceiveMessage answer from {} failed: {}; the consumer polls again after a pause", info, t.toString());
        LOG.debug("handling a ReceiveMessage answer failed", t);
        JMSException e = new JMSException("jms-aws: handling a ReceiveMessage answer from " + info + " failed: " + t);
        e.initCause(t);
        if (t instanceof Exception ex) e.setLinkedException(ex);
        reportAndRetry(e, poll);
    }

    private void onFetched(List<InboundMessage> messages, Poll poll) {
        Arrivals arrivals = Arrivals.sort(messages, info, filter, session.connection().keeper(), settlement);
        List<ReceivedMessage> decoded = arrivals.deliverable, missed = arrivals.forOthers;
        boolean closedNow;
        // on a queue, what the selector does not take goes back at once for other consumers
        session.release(missed);
        synchronized (this) {
            answered(poll);
            if (!poll.shortPoll) backlog = messages.size() >= batchSize;
            if (messages.isEmpty() && waitingReceivers == 0 && !listening) readAhead.cameBackEmpty();
            retryDelay.reset();
            closedNow = closed; // closed meanwhile: hold nothing (stopped: hold them, as what was buffered)
            if (!closedNow) {
                buffer.addAll(decoded);
                armIdleCheck();
                boolean onlyForOthers = !missed.isEmpty() && decoded.isEmpty(); // wait before asking again, or spin on them
                if (onlyForOthers) fetchLater(selectorMissDelay.next());
                else { if (!decoded.isEmpty()) selectorMissDelay.reset(); maybeFetch(); }
            }
            notifyAll();
        }
        if (closedNow) {
            session.release(decoded); // arrived after close: give them back at once
        } else if (listening && !decoded.isEmpty()) {
            session.wakeDispatcher();
        }
    }

    /**
     * A poll ended without messages on an error: the waiting receive throws it, a listener's
     * connection reports it, and a long-polling consumer tries again by itself after a growing
     * pause (the endpoint may come back).
     */
    private void reportAndRetry(JMSException e, Poll poll) {
        synchronized (this) {
            answered(poll);
            if (!poll.shortPoll) backlog = false;
            notifyAll();
            if (closed) return;
            lastError = e;
            if (poll.shortPoll) return;
            fetchLater(retryDelay.next());
        }
        if (listening) session.connection().onAsyncError(e);
    }

    /**
     * The connection stopped: no more fetching; what is buffered stays, its visibility extended,
     * until the connection starts again or nobody took any of it for the idle bound (giving it
     * back would raise every message's receive count: Spring's caching factories stop the
     * connection after every receive).
     */
    synchronized void stopped() {
        stopReceivesInFlight();
        armIdleCheck();
    }

    /** Checks later whether the buffer went untaken for the idle bound (not while a listener takes from it). Monitor held. */
    private void armIdleCheck() {
        boolean started = session.connection().isStarted();
        if (idleCheckScheduled || buffer.isEmpty() || closed || listening && started || !readAhead.releasesWhenIdle(started)) return;
        // not scheduled: the connection is closing, and close() gives the buffer back
        idleCheckScheduled = later(this::releaseIfIdle, Math.max(10, readAhead.idleIn(System.currentTimeMillis())));
    }

    /** What nobody took for the idle bound goes back to the queue, for other consumers. */
    private void releaseIfIdle() {
        List<ReceivedMessage> idle;
        synchronized (this) {
            idleCheckScheduled = false;
            boolean started = session.connection().isStarted();
            if (closed || buffer.isEmpty() || listening && started || !readAhead.releasesWhenIdle(started)) return;
            if (readAhead.idleIn(System.currentTimeMillis()) > 0) {
                armIdleCheck();
                return;
            }
            idle = new ArrayList<>(buffer);
            buffer.clear();
            readAhead.wentIdle(started);
        }
        LOG.debug("{}: {} message(s) held unread for the idle bound go back to the queue", info, idle.size());
        session.release(idle);
    }

    /** A long poll no one waits for any more: cancelled where that really stops it (embedded); elsewhere it runs to its end. */
    private void stopReceivesInFlight() {
        if (session.provider().cancelsReceives()) new ArrayList<>(receivesInFlight).forEach(f -> f.cancel(true));
    }

    /** The next fetch, not before {@code delayMillis}. Call with the monitor held. */
    private void fetchLater(long delayMillis) {
        fetchScheduled = later(() -> { // not scheduled: the connection is closing, and no later fetch is needed
            synchronized (this) {
                fetchScheduled = false;
                maybeFetch();
            }
        }, delayMillis);
    }

    private boolean later(Runnable task, long delayMillis) {
        try {
            session.provider().scheduler().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return false;
        }
    }

    synchronized void started() {
        maybeFetch();
        notifyAll();
    }

    // ------------------------------------------------------------------------------------ taking messages

    /**
     * The next message ready for the application, or null: what fell outside its delivery window
     * meanwhile is settled unseen (see {@link DeliveryWindow}).
     */
    ReceivedMessage nextDeliverable() {
        while (true) {
            ReceivedMessage r;
            synchronized (this) {
                if (!session.connection().isStarted()) return null; // a stopped connection delivers nothing; the buffer waits
                readAhead.asked(System.currentTimeMillis());
                r = buffer.poll();
            }
            if (r == null || DeliveryWindow.deliverableNow(r, settlement)) return r;
        }
    }

    /**
     * The next message for a synchronous receive by {@code deadline} ({@code Long.MAX_VALUE}: none), or null; {@code noWait}
     * tries one short ReceiveMessage at most. The error of a failed poll is thrown once.
     */
    ReceivedMessage next(long deadline, boolean noWait) throws JMSException {
        boolean polled = false;
        while (true) {
            ReceivedMessage r = nextDeliverable();
            if (r != null) {
                synchronized (this) {
                    readAhead.taken(System.currentTimeMillis());
                    maybeFetch(); // reading ahead: the next batch may be wanted now
                }
                return r;
            }
            synchronized (this) {
                if (closed || !open.getAsBoolean()) return null;
                boolean started = session.connection().isStarted();
                if (lastError != null) {
                    JMSException e = lastError;
                    lastError = null;
                    throw e;
                }
                if (!buffer.isEmpty() && started) continue;
                if (noWait) {
                    if (polled || !started) return null;
                    polled = true;
                    shortPolling = true; // one ReceiveMessage that does not wait, beside any long poll under way
                    fetch(batchSize, 0, true);
                    while (shortPolling && !closed) waitFor(1_000);
                    continue;
                }
                long remaining = deadline - System.currentTimeMillis();
                if (remaining <= 0) return null;
                waitingReceivers++;
                receiveDeadline = deadline;
                try {
                    maybeFetch(); // its answer arrives on another thread, with notifyAll
                    if ((buffer.isEmpty() || !started) && lastError == null) waitFor(Math.min(remaining, 60_000));
                } finally {
                    waitingReceivers--;
                    receiveDeadline = Long.MAX_VALUE;
                }
            }
        }
    }

    private void waitFor(long millis) throws JMSException {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JMSException("interrupted while receiving from " + info);
        }
    }

    /** A receiveBody that could not return this message's body: it is the next one delivered, as if never taken (JMSConsumer). */
    synchronized void putBack(ReceivedMessage r) {
        if (closed) session.release(List.of(r));
        else { buffer.addFirst(r); armIdleCheck(); }
    }

    /** Removes and returns the buffered messages of a FIFO message group (to go back with a redelivered one). */
    synchronized List<ReceivedMessage> takeGroup(String group) {
        List<ReceivedMessage> taken = new ArrayList<>();
        for (ReceivedMessage r : buffer) if (java.util.Objects.equals(DeliveryLedger.groupOf(r), group)) taken.add(r);
        buffer.removeAll(taken);
        return taken;
    }
}
