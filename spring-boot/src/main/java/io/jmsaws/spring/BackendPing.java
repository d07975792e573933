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

    /** Whether a queue was listed; throws when SQS cannot be reached or refuses the credentials. */
    static boolean ping(JmsAwsConnectionFactory factory) throws Exception {
        try (DeadLetterAdmin admin = DeadLetterAdmin.open(factory, null, null)) {
            return admin.ping();
        }
    }
}
