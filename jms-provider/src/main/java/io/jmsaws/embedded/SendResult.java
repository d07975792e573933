package io.jmsaws.embedded;

/** What SQS answers a send with. */
record SendResult(String messageId, String sequenceNumber, String md5OfBody) {
}
