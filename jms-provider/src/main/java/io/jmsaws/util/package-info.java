/**
 * Helpers every layer may use, on the JDK, the JMS API and SLF4J only: a serial executor on a shared
 * pool, periodic tasks that survive their failures, futures that pass cancellation back, JMSException
 * conversions, the class loader's state. Imports nothing of the provider.
 */
package io.jmsaws.util;
