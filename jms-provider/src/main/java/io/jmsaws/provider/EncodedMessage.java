package io.jmsaws.provider;

/** A message encoded for one destination by {@link Provider#encode}: opaque to the JMS layer but for its size. */
public interface EncodedMessage {
    /** What the service counts against its size limits. */
    int encodedSize();
}
