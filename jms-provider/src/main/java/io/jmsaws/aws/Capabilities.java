package io.jmsaws.aws;

/**
 * What differs between backends, where the provider must behave differently: the transport asks
 * this, never which backend it is on.
 *
 * @param cancelsReceives whether cancelling a ReceiveMessage really stops it; over HTTP, SQS (and
 *                        ElasticMQ) may still hand messages to a request the client gave up on
 */
public record Capabilities(boolean cancelsReceives) {
    /** SQS over HTTP (AWS or a compatible endpoint): a request given up on may still take messages. */
    public static final Capabilities HTTP = new Capabilities(false);
    /** An in-process backend that honours cancellation. */
    public static final Capabilities IN_PROCESS = new Capabilities(true);
}
