/**
 * Operator tools on SQS directly: the dead-letter admin (list, peek, redrive, purge) and its command
 * line. Below the seam: works on the aws transport and the wire codec, opened through {@link io.jmsaws.Backends}.
 */
package io.jmsaws.admin;
