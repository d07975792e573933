package io.jmsaws.client;

import jakarta.jms.JMSException;

/** The JMS features this version does not implement yet, each with a clear error rather than a silent no-op. */
final class Unsupported {
    private Unsupported() {
    }

    static JMSException topics() {
        return new JMSException("topics (SNS) are not supported by this version of jms-aws yet; use queues", "JMSAWS_TOPICS_UNSUPPORTED");
    }

}
