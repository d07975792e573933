package io.jmsaws.client;

import io.jmsaws.util.JmsExceptions;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageListener;

/** JMSConsumer over a classic consumer. */
final class JmsAwsJMSConsumer implements JMSConsumer {
    private final MessageConsumer consumer;

    JmsAwsJMSConsumer(MessageConsumer consumer) {
        this.consumer = consumer;
    }

    @Override public String getMessageSelector() { return JmsExceptions.runtime(consumer::getMessageSelector); }
    @Override public MessageListener getMessageListener() { return JmsExceptions.runtime(consumer::getMessageListener); }
    @Override public void setMessageListener(MessageListener listener) { JmsExceptions.runtime(() -> consumer.setMessageListener(listener)); }
    @Override public Message receive() { return JmsExceptions.runtime(() -> consumer.receive()); }
    @Override public Message receive(long timeout) { return JmsExceptions.runtime(() -> consumer.receive(timeout)); }
    @Override public Message receiveNoWait() { return JmsExceptions.runtime(consumer::receiveNoWait); }
    @Override public void close() { JmsExceptions.runtime(consumer::close); }

    @Override public <T> T receiveBody(Class<T> c) { return receiveBody(c, 0, false); }
    @Override public <T> T receiveBody(Class<T> c, long timeout) { return receiveBody(c, timeout, false); }
    @Override public <T> T receiveBodyNoWait(Class<T> c) { return receiveBody(c, -1, true); }

    private <T> T receiveBody(Class<T> c, long timeout, boolean noWait) {
        if (consumer instanceof JmsAwsMessageConsumer own) return JmsExceptions.runtime(() -> own.receiveBody(c, timeout, noWait));
        return body(noWait ? receiveNoWait() : timeout > 0 ? receive(timeout) : receive(), c);
    }

    private static <T> T body(Message m, Class<T> c) {
        if (m == null) return null;
        try {
            return m.getBody(c);
        } catch (JMSException e) {
            throw new MessageFormatRuntimeException("the body of the received " + m.getClass().getSimpleName()
                    + " cannot be returned as " + c.getName() + ": " + e.getMessage());
        }
    }
}
