/**
 * Operator tools on SQS directly: the dead-letter admin (list, peek, redrive, purge) and its command
 * line. Below the seam: imports aws and wire.
 */
package io.jmsaws.admin;
