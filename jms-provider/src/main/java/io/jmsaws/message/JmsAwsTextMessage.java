package io.jmsaws.message;

import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;

public class JmsAwsTextMessage extends JmsAwsMessage implements TextMessage {
    private String text;

    public JmsAwsTextMessage() {
    }

    public JmsAwsTextMessage(String text) {
        this.text = text;
    }

    @Override
    public MessageKind kind() {
        return MessageKind.TEXT;
    }

    @Override
    public void setText(String text) throws JMSException {
        checkBodyWritable();
        this.text = text;
    }

    @Override
    public String getText() {
        return text;
    }

    @Override
    public void clearBody() throws JMSException {
        super.clearBody();
        text = null;
    }

    @Override
    protected Object bodyOrNull() {
        return text;
    }
}
