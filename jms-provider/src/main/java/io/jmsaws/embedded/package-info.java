/**
 * The embedded backend: in-memory implementations of the SDK's SqsAsyncClient and SnsAsyncClient that
 * behave like AWS where it is cheap to (limits, visibility, FIFO, redrive, long polls). Imports only the
 * SDK, the limits and util, so the provider cannot tell it from AWS but by its capabilities.
 */
package io.jmsaws.embedded;
