/**
 * The seam between JMS semantics and a messaging service: the {@link io.jmsaws.provider.Provider}
 * interface and the values that cross it (resolved destinations, encoded and received messages,
 * subscriptions). Carries no SDK type; imports destination, message and selector only.
 */
package io.jmsaws.provider;
