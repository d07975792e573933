package io.jmsaws.wire;

import io.jmsaws.message.JmsAwsTextMessage;
import io.jmsaws.telemetry.TraceContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;

import static org.assertj.core.api.Assertions.assertThat;

/** The trace context on the wire: in the header attribute and as AWSTraceHeader, never what makes a message too large. */
class TraceFieldsOnTheWireTest {
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String XRAY = "Root=1-0af76519-16cd43dd8448eb211c80319c;Parent=b7ad6b7169203331;Sampled=1";

    private static JmsAwsTextMessage message(String body, TraceContext trace) throws Exception {
        JmsAwsTextMessage m = new JmsAwsTextMessage(body);
        m.setJMSMessageID("ID:trace-test");
        m.setJMSTimestamp(1_000);
        m.setTraceContext(trace);
        return m;
    }

    @Test
    void theContextTravelsInTheHeadersAndAsAwsTraceHeaderOutsideTheSize() throws Exception {
        SendTarget queue = new SendTarget("queue://q", false, 262_144, "default", false);
        OutboundMessage plain = WireCodec.encode(message("body", null), queue);
        OutboundMessage traced = WireCodec.encode(message("body", new TraceContext(TRACEPARENT, "vendor=x", XRAY)), queue);
        assertThat(traced.attributes().get(WireCodec.HEADERS_ATTRIBUTE).stringValue()).contains("tp=" + TRACEPARENT).contains("tst=vendor%3Dx");
        assertThat(traced.attributes()).hasSameSizeAs(plain.attributes());
        assertThat(traced.encodedSize() - plain.encodedSize()).as("the header fields count, AWSTraceHeader does not")
                .isEqualTo(("&tp=" + TRACEPARENT + "&tst=vendor%3Dx").length());
        assertThat(traced.toRequest("url").messageSystemAttributes().get(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER).stringValue())
                .isEqualTo(XRAY);
        SendTarget topic = SendTarget.of(new io.jmsaws.provider.TopicInfo(new io.jmsaws.destination.JmsAwsTopic("t"), "arn:aws:sns:us-east-1:0:t", false, "default"));
        assertThat(WireCodec.encode(message("body", new TraceContext(TRACEPARENT, null, XRAY)), topic).traceHeader())
                .as("SNS Publish takes no system attribute").isNull();
    }

    @Test
    void aMessageThatFitsOnlyWithoutItsTraceFieldsGoesWithoutThem() throws Exception {
        String body = "x".repeat(1000);
        int untraced = WireCodec.encode(message(body, null), new SendTarget("queue://q", false, 262_144, "default", false)).encodedSize();
        SendTarget exact = new SendTarget("queue://q", false, untraced, "default", false);
        OutboundMessage out = WireCodec.encode(message(body, new TraceContext(TRACEPARENT, null, XRAY)), exact);
        assertThat(out.encodedSize()).isEqualTo(untraced);
        assertThat(out.attributes().get(WireCodec.HEADERS_ATTRIBUTE).stringValue()).doesNotContain("tp=");
    }

    @Test
    void anAwsTraceHeaderSqsWouldRefuseIsDropped() {
        assertThat(new TraceContext(null, null, XRAY).awsTraceHeader()).isEqualTo(XRAY);
        assertThat(new TraceContext(null, null, "Root=not-x-ray").awsTraceHeader()).isNull();
        assertThat(new TraceContext(null, null, XRAY + ";Lineage=a87bd80c:1|68fd508a:5").awsTraceHeader()).as("newer fields").isNotNull();
        assertThat(new TraceContext(null, null, XRAY + ";x=" + "y".repeat(300)).awsTraceHeader()).as("too long").isNull();
    }
}
