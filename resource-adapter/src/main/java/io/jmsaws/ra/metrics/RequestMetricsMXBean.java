package io.jmsaws.ra.metrics;

import java.util.Map;

/** SQS and SNS requests the adapter made, by operation (what AWS bills). */
public interface RequestMetricsMXBean {
    Map<String, Long> getRequests();

    long getTotal();
}
