package io.jmsaws.admin;

import io.jmsaws.provider.DeadLetterRule;

import java.util.List;

/**
 * One queue as an operator sees it: SQS's approximate counts (each {@code -1} where the server
 * does not report it), its dead-letter rule and the queues whose dead letters it holds.
 *
 * @param name          the JMS queue name (the queue prefix removed)
 * @param visible       ApproximateNumberOfMessages: waiting to be received
 * @param inFlight      ApproximateNumberOfMessagesNotVisible: received, neither deleted nor released yet
 * @param delayed       ApproximateNumberOfMessagesDelayed: sent with a delay that has not passed
 * @param deadLetter    where SQS moves a message received too often, or null
 * @param deadLetterFor the queues whose RedrivePolicy names this one (empty: not a dead-letter queue)
 */
public record QueueSummary(String name, String url, boolean fifo, long visible, long inFlight, long delayed,
                           DeadLetterRule deadLetter, List<String> deadLetterFor) {
}
