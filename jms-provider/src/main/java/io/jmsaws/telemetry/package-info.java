/**
 * What jms-aws tells the outside about its work: traces ({@link io.jmsaws.telemetry.Tracing}, the
 * W3C and X-Ray context a message carries as {@link io.jmsaws.telemetry.TraceContext}) and metrics
 * ({@link io.jmsaws.telemetry.MessagingMetrics}, counted always, exported through OpenTelemetry,
 * JMX or Micrometer). No OpenTelemetry type appears here: the OpenTelemetry implementation lives
 * in {@code telemetry.otel} and is loaded only when {@code opentelemetry-api} is on the class path.
 */
package io.jmsaws.telemetry;
