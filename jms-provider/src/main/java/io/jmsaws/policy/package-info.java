/**
 * Small policy values the JMS layer applies: how a consumer prefetches, how long a message given back
 * waits before its redelivery. Imports config and limits only.
 */
package io.jmsaws.policy;
