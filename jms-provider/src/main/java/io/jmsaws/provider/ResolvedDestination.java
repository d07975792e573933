package io.jmsaws.provider;

/** A queue or topic as the service has it, resolved once per connection: what a send goes to. */
public sealed interface ResolvedDestination permits QueueInfo, TopicInfo {
    /** A FIFO queue or topic: its sends keep their order (one after the other per session). */
    boolean fifo();

    /** Its name at the service (the SQS queue name, prefix included; the SNS topic name): what spans and metrics are keyed by. */
    String serviceName();
}
