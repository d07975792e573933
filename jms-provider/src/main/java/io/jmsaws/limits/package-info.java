/**
 * The service limits of SQS and SNS the provider checks before any request (sizes, counts, names,
 * timeouts, SNS filter numbers). Imports nothing; every layer may use it.
 */
package io.jmsaws.limits;
