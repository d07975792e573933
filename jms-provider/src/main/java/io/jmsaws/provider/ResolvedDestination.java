package io.jmsaws.provider;

import io.jmsaws.destination.JmsAwsDestination;

/** A queue or topic as the service has it, resolved once per connection: what a send goes to. */
public sealed interface ResolvedDestination permits QueueInfo, TopicInfo {
    /** The JMS destination this resolves. */
    JmsAwsDestination destination();

    /** A FIFO queue or topic: its sends keep their order (one after the other per session). */
    boolean fifo();
}
