package io.jmsaws.client;

import io.jmsaws.util.SerialExecutor;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Runs a session's MessageListeners and CompletionListeners one at a time (a JMS rule), on the
 * connection's shared pool: no thread of its own while idle. Knows which thread is delivering, so
 * the session can refuse what a callback must not do to its own session or connection.
 */
final class ListenerDispatcher {
    private final SerialExecutor serial;
    private final List<JmsAwsMessageConsumer> consumers;
    /** The session is open and its connection started: deliveries may run. */
    private final BooleanSupplier delivering;
    /** Held for the length of one onMessage: close and stop wait for it (spec 6.1.5). */
    private final Object deliveryLock = new Object();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile Thread deliveryThread;

    ListenerDispatcher(Executor pool, List<JmsAwsMessageConsumer> consumers, BooleanSupplier delivering) {
        this.serial = new SerialExecutor(pool);
        this.consumers = consumers;
        this.delivering = delivering;
    }

    /** Where the session's completion callbacks run: serially, with its deliveries. */
    Executor executor() {
        return serial;
    }

    /** Marks the thread of a CompletionListener as the delivery thread while it runs. */
    SendPath.CallbackScope callbackScope() {
        return new SendPath.CallbackScope() {
            @Override public void enter() { deliveryThread = Thread.currentThread(); }
            @Override public void exit() { deliveryThread = null; }
            @Override public boolean onDeliveryThread() { return isDeliveryThread(); }
        };
    }

    /** Whether the calling thread runs one of the session's listeners or completion callbacks. */
    boolean isDeliveryThread() {
        return deliveryThread == Thread.currentThread();
    }

    /** Whether the calling thread is inside an onMessage (a MessageListener, not a CompletionListener). */
    boolean inMessageListener() {
        return isDeliveryThread() && Thread.holdsLock(deliveryLock);
    }

    /** Asks for what the listener consumers hold to be delivered. Coalesces repeated requests. */
    void wake() {
        if (!delivering.getAsBoolean()) return;
        if (scheduled.compareAndSet(false, true)) serial.execute(this::dispatch);
    }

    private void dispatch() {
        scheduled.set(false);
        boolean delivered = true;
        while (delivered && delivering.getAsBoolean()) {
            delivered = false;
            for (JmsAwsMessageConsumer c : consumers) {
                synchronized (deliveryLock) {
                    if (!delivering.getAsBoolean()) return;
                    deliveryThread = Thread.currentThread();
                    try {
                        delivered |= c.deliverToListener();
                    } finally {
                        deliveryThread = null;
                    }
                }
            }
        }
    }

    /** Returns when no listener of the session is running (at once when called from one). */
    void awaitIdle() {
        if (isDeliveryThread()) return;
        synchronized (deliveryLock) {
            // acquiring the lock is the wait
        }
    }
}
