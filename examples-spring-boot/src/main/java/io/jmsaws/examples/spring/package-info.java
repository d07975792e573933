/** A Spring Boot service on jms-aws: a {@code @JmsListener}, a {@code JmsTemplate}, Actuator's health and metrics. */
package io.jmsaws.examples.spring;
