/**
 * The provider on SQS and SNS: {@link io.jmsaws.aws.SqsProvider} over the SDK's async clients (queue and
 * topic directories, subscription queues with their SNS subscriptions, policies and leases, the send
 * coalescer and batch manager, shared clients, error mapping). Never imports the embedded backend:
 * where it behaves differently it says so in {@link io.jmsaws.aws.Capabilities}.
 */
package io.jmsaws.aws;
