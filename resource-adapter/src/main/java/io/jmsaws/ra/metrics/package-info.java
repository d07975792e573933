/**
 * The adapter's message counts as JMX MXBeans, so application-server consoles (WildFly's CLI and
 * web console, JConsole, VisualVM) show them: one {@code io.jmsaws:type=Destination,name="…"} per
 * queue or topic the adapter's connections used, one {@code io.jmsaws:type=Requests} for the SQS
 * and SNS requests by operation. Read-only, so always registered.
 */
package io.jmsaws.ra.metrics;
