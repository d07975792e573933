package io.jmsaws.client;

import io.jmsaws.provider.Provider;
import io.jmsaws.provider.QueueInfo;
import io.jmsaws.limits.SqsLimits;
import io.jmsaws.telemetry.MessagingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps every message a connection owns (prefetched, delivered and unacknowledged, consumed in an
 * open transaction) invisible to other consumers: when half of its visibility timeout has passed,
 * the timeout is renewed with a batched ChangeMessageVisibility. A message whose visibility could
 * not be kept is marked lost, so that a commit can refuse to pretend it consumed it.
 */
final class VisibilityKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VisibilityKeeper.class);
    private static final long TICK_MILLIS = 250;
    /** SQS refuses to extend past 12 hours after the receive. */
    private static final long MAX_HOLD_MILLIS = SqsLimits.MAX_VISIBILITY_TIMEOUT_SECONDS * 1000L - 60_000;

    /** One owned message. */
    static final class Lease {
        final QueueInfo queue;
        final String receiptHandle;
        final int visibilitySeconds;
        final long receivedAt;
        volatile long deadline;
        volatile boolean lost;
        volatile boolean extending;

        Lease(QueueInfo queue, String receiptHandle, int visibilitySeconds, long receivedAt) {
            this.queue = queue;
            this.receiptHandle = receiptHandle;
            this.visibilitySeconds = visibilitySeconds;
            this.receivedAt = receivedAt;
            this.deadline = receivedAt + visibilitySeconds * 1000L;
        }

        boolean isLost() {
            return lost || System.currentTimeMillis() > deadline;
        }
    }

    private final Provider provider;
    private final boolean extend;
    private final MessagingMetrics metrics;
    private final Set<Lease> leases = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> ticker;

    VisibilityKeeper(Provider provider, boolean extend, MessagingMetrics metrics) {
        this.provider = provider;
        this.extend = extend;
        this.metrics = metrics;
        this.ticker = provider.scheduler().scheduleWithFixedDelay(io.jmsaws.util.Tasks.surviving("extending visibility timeouts", LOG, this::tick),
                TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    Lease hold(QueueInfo queue, String receiptHandle, long receivedAt) {
        Lease lease = new Lease(queue, receiptHandle, queue.visibilityTimeout(), receivedAt);
        if (leases.add(lease)) metrics.held(queue.serviceName(), 1);
        return lease;
    }

    void release(Lease lease) {
        if (lease != null && leases.remove(lease)) metrics.held(lease.queue.serviceName(), -1);
    }

    int size() {
        return leases.size();
    }

    private void tick() {
        if (!extend) return;
        long now = System.currentTimeMillis();
        for (Lease lease : leases) {
            if (lease.extending || lease.lost) continue;
            long halfTimeout = lease.visibilitySeconds * 500L;
            if (lease.deadline - now > halfTimeout) continue;
            if (now - lease.receivedAt + lease.visibilitySeconds * 1000L > MAX_HOLD_MILLIS) {
                lease.lost = true;
                LOG.warn("a message of {} has been held for close to SQS's 12-hour limit; its visibility cannot be extended further",
                        lease.queue);
                continue;
            }
            lease.extending = true;
            long requestedAt = now;
            CompletableFuture<Void> extended;
            try {
                extended = provider.changeVisibility(lease.queue, lease.receiptHandle, lease.visibilitySeconds);
            } catch (RuntimeException e) {
                extended = CompletableFuture.failedFuture(e); // the request could not be made (closing): the lease is lost, not stuck
            }
            extended.whenComplete((r, e) -> {
                if (e == null) {
                    lease.deadline = requestedAt + lease.visibilitySeconds * 1000L;
                    metrics.visibilityExtended(lease.queue.serviceName());
                } else if (leases.contains(lease)) {
                    lease.lost = true;
                    LOG.warn("could not extend the visibility of a message of {} ({}); it may be delivered again", lease.queue, e.toString());
                }
                lease.extending = false;
            });
        }
    }

    @Override
    public void close() {
        ticker.cancel(false);
        for (Lease lease : leases) release(lease);
    }
}
