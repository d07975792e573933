package io.jmsaws.util;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TasksTest {
    /** A plain periodic task is cancelled for good at its first exception; the guarded one keeps its schedule. */
    @Test
    void aPeriodicTaskThatThrowsRunsAgainAtItsNextTick() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch third = new CountDownLatch(3);
            timer.scheduleWithFixedDelay(Tasks.surviving("a test task", LoggerFactory.getLogger(TasksTest.class), () -> {
                runs.incrementAndGet();
                third.countDown();
                if (runs.get() == 1) throw new StackOverflowError("forced");
                if (runs.get() == 2) throw new IllegalStateException("forced");
            }), 0, 5, TimeUnit.MILLISECONDS);
            assertThat(third.await(10, TimeUnit.SECONDS)).as("runs after two failures: %d", runs.get()).isTrue();
        } finally {
            timer.shutdownNow();
        }
    }
}
