/**
 * JDK-only helpers every layer may use: a serial executor on a shared pool, periodic tasks that survive
 * their failures, futures that pass cancellation back, JMSException conversions. Imports nothing of the provider.
 */
package io.jmsaws.util;
