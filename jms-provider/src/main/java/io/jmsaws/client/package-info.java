/**
 * JMS state and rules: connection, session, producer, consumer, browser, JMSContext; acknowledgement
 * modes, transactions, recover and redelivery, the FIFO pull-back, listener dispatch, the rules on
 * callbacks. Talks to the messaging service only through {@link io.jmsaws.provider.Provider}; imports
 * provider, message, destination, selector, config, policy, limits and util, and no SDK type.
 */
package io.jmsaws.client;
