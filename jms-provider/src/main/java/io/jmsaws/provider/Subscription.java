package io.jmsaws.provider;

import io.jmsaws.destination.JmsAwsTopic;

/**
 * An open topic subscription: the queue its consumers read.
 *
 * @param reference the service's handle of the subscription itself (an SNS subscription ARN), or null
 */
public record Subscription(SubscriptionKind kind, JmsAwsTopic topic, QueueInfo queue, String reference) {
}
