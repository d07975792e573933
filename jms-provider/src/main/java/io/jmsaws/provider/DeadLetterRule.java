package io.jmsaws.provider;

/**
 * A queue's dead-letter rule (SQS's RedrivePolicy): a message received {@code maxReceiveCount}
 * times is moved to {@code queueName} by SQS at its next receive, instead of being delivered again.
 */
public record DeadLetterRule(String queueName, int maxReceiveCount) {
}
