package io.jmsaws.provider;

/** A queue or topic as the service has it, resolved once per connection: what a send goes to. */
public sealed interface ResolvedDestination permits QueueInfo, TopicInfo {
    /** A FIFO queue or topic: its sends keep their order (one after the other per session). */
    boolean fifo();
}
