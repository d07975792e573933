package io.jmsaws.embedded;

/** The embedded backend's receipt handles: message id, receive serial and queue name, so each receive gets a handle of its own. */
final class ReceiptHandles {
    private ReceiptHandles() {
    }

    static String issue(String messageId, long receiveSerial, String queueName) {
        return messageId + ":" + receiveSerial + ":" + queueName;
    }

    /** The message a handle was issued for; SQS's ReceiptHandleIsInvalid for anything else. */
    static String messageIdOf(String receiptHandle) {
        int colon = receiptHandle == null ? -1 : receiptHandle.indexOf(':');
        if (colon <= 0) throw SqsErrors.receiptHandleInvalid(receiptHandle);
        return receiptHandle.substring(0, colon);
    }
}
