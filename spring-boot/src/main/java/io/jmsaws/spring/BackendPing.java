package io.jmsaws.spring;

import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.admin.DeadLetterAdmin;

/**
 * The check of both Spring Boot generations' health indicators, apart from either's health API
 * (a Spring Boot 4 application has no class of Spring Boot 3's): one ListQueues request for at
 * most one queue.
 */
final class BackendPing {
    private BackendPing() {
    }

    /** The health details (backend, whether a queue was listed); throws when SQS cannot be reached or refuses the credentials. */
    static java.util.Map<String, Object> details(JmsAwsConnectionFactory factory) throws Exception {
        try (DeadLetterAdmin admin = DeadLetterAdmin.open(factory, null, null)) {
            boolean any = admin.ping();
            return java.util.Map.of("backend", factory.getConfig().toString(), "queuesListed", any ? 1 : 0);
        }
    }
}
