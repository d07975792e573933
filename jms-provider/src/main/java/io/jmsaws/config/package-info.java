/**
 * The configuration: the connection URL's options, one table of names shared with the factory's
 * setters, JNDI and the resource adapter; typed accessors. Imports message (trusted packages).
 */
package io.jmsaws.config;
