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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * SQS has no peek: a browser receives the messages (holding them for {@link #HOLD_SECONDS}) with
 * long polls, ends after one that brought nothing new, and gives everything back when it ends or
 * closes, before close() returns. Browsing
 * raises every message's receive count (and so JMSXDeliveryCount) by one, and a FIFO queue shows
 * at most the first ten messages of each message group. The README says so.
 */
public class JmsAwsQueueBrowser implements QueueBrowser {
    private static final Logger LOG = LoggerFactory.getLogger(JmsAwsQueueBrowser.class);
    static final int HOLD_SECONDS = 30;
    /** The browser ends after a long poll of this long found nothing new. */
    static final int POLL_SECONDS = 1;
    /** How long giving the held messages back may take before close() returns anyway. */
    private static final long RELEASE_WAIT_MILLIS = 10_000;

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
                    // a long poll: on AWS a short one samples only some of SQS's servers and can come back empty from a full queue
                    List<InboundMessage> got = session.provider().receive(info, queue, SqsLimits.MAX_RECEIVE_MESSAGES, POLL_SECONDS,
                            HOLD_SECONDS).join();
                    for (InboundMessage m : got) {
                        UnseenReturns.givenBack(info, m.messageId()); // browsing is no delivery: its later delivery here is a first one
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

    /**
     * Gives back what the browser holds and waits until SQS has taken it back, so that a browser or
     * consumer opened right after sees those messages (bounded: at most {@link #RELEASE_WAIT_MILLIS}).
     */
    private void releaseHeld() {
        List<String> handles;
        synchronized (held) {
            handles = new ArrayList<>(held);
            held.clear();
        }
        List<CompletableFuture<Void>> released = new ArrayList<>();
        for (String h : handles) released.add(session.provider().changeVisibility(info, h, 0));
        try {
            CompletableFuture.allOf(released.toArray(new CompletableFuture<?>[0])).get(RELEASE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.debug("giving back browsed messages of {}: {}; they become visible after {} s", queue, e.toString(), HOLD_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
