/**
 * The OpenTelemetry implementation of {@link io.jmsaws.telemetry.Tracing} and the metric
 * instruments over {@link io.jmsaws.telemetry.MessagingMetrics}. Loaded only when
 * {@code opentelemetry-api} is on the class path (an optional dependency): nothing outside this
 * package refers to an OpenTelemetry type.
 */
package io.jmsaws.telemetry.otel;
