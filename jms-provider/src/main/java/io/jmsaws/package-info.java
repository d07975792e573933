/**
 * jms-aws: a Jakarta Messaging 3.1 provider on Amazon SQS and SNS. {@link io.jmsaws.JmsAwsConnectionFactory}
 * is where an application starts; {@link io.jmsaws.Backends} turns a configuration into a provider
 * (AWS, a compatible endpoint, or the embedded backend). The only package that knows every layer.
 */
package io.jmsaws;
