/**
 * The operator console: a servlet API over the resource adapter's {@code QueueConsole} MXBean
 * (found in the platform MBean server, used through JMX open types, so this application holds no
 * jms-aws class and sees exactly the adapter's queues), and the static page that drives it.
 * Every state-changing request is a POST carrying the session's CSRF token.
 */
package io.jmsaws.console;
