/**
 * Spring Boot auto-configuration for jms-aws: a {@code ConnectionFactory} from {@code jmsaws.url}
 * and {@code jmsaws.options.*}, wrapped in Spring's {@code CachingConnectionFactory} as Spring Boot's
 * own brokers are (the {@code spring.jms.cache.*} properties apply), so that Spring Boot's JMS
 * auto-configuration supplies {@code JmsTemplate} and {@code @JmsListener} containers on top of it.
 */
package io.jmsaws.spring;
