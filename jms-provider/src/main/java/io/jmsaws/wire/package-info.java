/**
 * The wire format: a JMS message ⇄ an SQS body and message attributes (headers packed into one
 * attribute, properties typed, the 10-attribute budget kept, AWS's JMS library's names understood).
 * Below the seam: uses SDK model types; imports destination, message, limits and provider.
 */
package io.jmsaws.wire;
