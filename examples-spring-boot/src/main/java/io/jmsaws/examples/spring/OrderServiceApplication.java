package io.jmsaws.examples.spring;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.jms.core.JmsTemplate;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An order service: places five orders with {@link JmsTemplate}, processes them in a transacted
 * {@code @JmsListener} (the first attempt of order #3 fails and is delivered again), then prints
 * what Actuator sees — the {@code jmsaws} health component and jms-aws's meters — and exits.
 * Nothing in it names jms-aws: {@code application.properties} does.
 */
@SpringBootApplication
public class OrderServiceApplication {
    private static final Logger LOG = LoggerFactory.getLogger(OrderServiceApplication.class);
    static final int ORDERS = 5;

    private final CountDownLatch processed = new CountDownLatch(ORDERS);
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    @JmsListener(destination = "orders")
    void onOrder(String order) {
        if (order.endsWith("#3") && failedOnce.add(order)) {
            LOG.info("cannot process {} yet (the stock service is down): rolled back, delivered again", order);
            throw new IllegalStateException("stock service unavailable for " + order);
        }
        LOG.info("processed {}", order);
        processed.countDown();
    }

    @Bean
    CommandLineRunner placeOrders(JmsTemplate jms, MeterRegistry meters, HealthContributorRegistry health) {
        return args -> {
            for (int i = 1; i <= ORDERS; i++) jms.convertAndSend("orders", "order #" + i);
            if (!processed.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("orders not processed in 30 s");
            System.out.println("health jmsaws: " + ((HealthIndicator) health.getContributor("jmsaws")).health().getStatus());
            for (String meter : new String[] {"jmsaws.messages.sent", "jmsaws.messages.received", "jmsaws.messages.redelivered",
                    "jmsaws.messages.acknowledged"}) {
                // acknowledged after the listener returned and the session committed: wait for the last one
                double value = awaitCount(meters, meter, meter.endsWith("acknowledged") ? ORDERS : 0);
                System.out.printf("%s{destination=orders} = %.0f%n", meter, value);
            }
        };
    }

    private static double awaitCount(MeterRegistry meters, String meter, int atLeast) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        double value;
        while ((value = meters.get(meter).tag("destination", "orders").functionCounter().count()) < atLeast
                && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        return value;
    }

    public static void main(String[] args) {
        SpringApplication.run(OrderServiceApplication.class, args).close();
    }
}
