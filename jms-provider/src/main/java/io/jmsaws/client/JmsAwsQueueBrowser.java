package io.jmsaws.client;

import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.selector.Selector;
import io.jmsaws.limits.SqsLimits;
import io.jmsaws.provider.InboundMessage;
import io.jmsaws.provider.QueueInfo;
import io.jmsaws.util.JmsExceptions;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * SQS has no peek: a browser receives the messages (holding them for {@link #HOLD_SECONDS}) and
 * gives each batch back as soon as the enumeration has read past it, or when it ends. Browsing
 * raises every message's receive count (and so JMSXDeliveryCount) by one, and a FIFO queue shows
 * at most the first ten messages of each message group. The README says so.
 */
public class JmsAwsQueueBrowser implements QueueBrowser {
    private static final Logger LOG = LoggerFactory.getLogger(JmsAwsQueueBrowser.class);
    static final int HOLD_SECONDS = 30;

    private final JmsAwsSession session;
    private final JmsAwsQueue queue;
    private final QueueInfo info;
    private final List<String> held = new ArrayList<>();
    private final Selector selector;
    private volatile boolean closed;

    JmsAwsQueueBrowser(JmsAwsSession session, JmsAwsQueue queue, QueueInfo info, Selector selector) {
        this.session = session;
        this.selector = selector;
        this.queue = queue;
        this.info = info;
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return queue;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector == null ? null : selector.text();
    }

    private void checkOpen() throws IllegalStateException {
        if (closed || session.isClosed()) throw new IllegalStateException("the browser is closed");
    }

    @Override
    public Enumeration<Message> getEnumeration() throws JMSException {
        checkOpen();
        return new Enumeration<>() {
            private final ArrayDeque<Message> ahead = new ArrayDeque<>();
            private final Set<String> seen = new HashSet<>();
            private boolean done;

            @Override
            public boolean hasMoreElements() {
                if (ahead.isEmpty() && !done) fill();
                return !ahead.isEmpty();
            }

            @Override
            public Message nextElement() {
                if (!hasMoreElements()) throw new NoSuchElementException();
                return ahead.poll();
            }

            private void fill() {
                while (ahead.isEmpty() && !done) fillOnce(); // a batch may hold no message the selector takes
            }

            private void fillOnce() {
                int fresh = 0;
                if (closed || session.isClosed()) {
                    done = true;
                    return;
                }
                try {
                    List<InboundMessage> got = session.provider().receive(info, queue, SqsLimits.MAX_RECEIVE_MESSAGES, 0, HOLD_SECONDS).join();
                    for (InboundMessage m : got) {
                        synchronized (held) {
                            held.add(m.receiptHandle());
                        }
                        if (seen.add(m.messageId())) {
                            fresh++;
                            Message decoded = m.message();
                            if (selector == null || selector.matches(decoded)) ahead.add(decoded);
                        }
                    }
                    if (fresh == 0) {
                        done = true;
                        releaseHeld();
                    }
                } catch (RuntimeException e) {
                    LOG.warn("browsing {} stopped: {}", queue, JmsExceptions.fromFailure(e, "ReceiveMessage on " + queue).getMessage());
                    done = true;
                    releaseHeld();
                }
            }
        };
    }

    private void releaseHeld() {
        List<String> handles;
        synchronized (held) {
            handles = new ArrayList<>(held);
            held.clear();
        }
        for (String h : handles) {
            session.provider().changeVisibility(info, h, 0);
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        releaseHeld();
        session.removeBrowser(this);
    }
}
