/**
 * The JNDI initial context factory (ActiveMQ/Qpid style: connectionFactory.*, queue.*, topic.*). Imports
 * destination and the factory.
 */
package io.jmsaws.jndi;
