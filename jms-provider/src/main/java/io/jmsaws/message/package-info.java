/**
 * The JMS message types (text, bytes, map, stream, object), foreign messages copied on send, and the
 * trusted packages ObjectMessage deserialization obeys. Imports nothing of the provider.
 */
package io.jmsaws.message;
