/**
 * The operator console's back end: an MXBean the adapter registers (when its {@code QueueConsole}
 * property or the {@code jmsaws.console} system property is {@code true}) over the provider's
 * {@link io.jmsaws.admin.DeadLetterAdmin}. It lives in the adapter so that it reaches the adapter's
 * own backend — on {@code embedded://} an application's copy of the provider would see other queues —
 * and its types are JMX open types, so a console web application needs none of our classes.
 */
package io.jmsaws.ra.console;
