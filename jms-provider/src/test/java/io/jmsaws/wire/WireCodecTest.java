package io.jmsaws.wire;

import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.message.JmsAwsBytesMessage;
import io.jmsaws.message.JmsAwsMessage;
import io.jmsaws.message.JmsAwsTextMessage;
import io.jmsaws.message.TrustedPackages;
import jakarta.jms.MessageFormatException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireCodecTest {
    private static final SendTarget STANDARD = new SendTarget("queue://q", false, 262_144, "default", false);
    private static final SendTarget FIFO = new SendTarget("queue://q.fifo", true, 262_144, "default", false);

    private static JmsAwsMessage withId(JmsAwsMessage m) {
        m.setJMSMessageID("ID:0b7c3f9e-1111-2222-3333-444455556666");
        m.setJMSTimestamp(1_700_000_000_000L);
        m.setJMSDeliveryTime(1_700_000_000_000L);
        return m;
    }

    private static JmsAwsMessage roundTrip(OutboundMessage out) throws Exception {
        Message sqs = Message.builder().messageId("m-1").receiptHandle("r").body(out.body()).messageAttributes(out.attributes())
                .attributesWithStrings(Map.of("ApproximateReceiveCount", "1", "SentTimestamp", "1")).build();
        return WireCodec.decode(sqs, new JmsAwsQueue("q"), TrustedPackages.DEFAULT);
    }

    @Test
    void neverMoreThanTenAttributesAndNoPropertyLost() throws Exception {
        JmsAwsMessage m = withId(new JmsAwsBytesMessage());
        m.setJMSCorrelationID("c");
        for (int i = 0; i < 30; i++) m.setIntProperty("p" + i, i);
        OutboundMessage out = WireCodec.encode(m, STANDARD);
        assertThat(out.attributes()).hasSize(10).containsKeys(WireCodec.PACKED_PROPERTIES_ATTRIBUTE, WireCodec.HEADERS_ATTRIBUTE,
                WireCodec.AWS_MESSAGE_TYPE, WireCodec.AWS_CORRELATION_ID);
        JmsAwsMessage back = roundTrip(out);
        for (int i = 0; i < 30; i++) assertThat(back.getObjectProperty("p" + i)).isEqualTo(i);
    }

    @Test
    void theFirstPropertiesSetKeepTheirOwnAttributes() throws Exception {
        JmsAwsMessage m = withId(new JmsAwsTextMessage("t"));
        for (int i = 0; i < 12; i++) m.setIntProperty("p" + i, i);
        OutboundMessage out = WireCodec.encode(m, STANDARD);
        assertThat(out.attributes()).containsKeys("p0", "p1", "p7").doesNotContainKey("p8");
    }

    @Test
    void propertyNamesSqsCannotCarryAreEncodedReversibly() {
        for (String name : new String[]{"plain_Name1", "with$dollar", "dotted.name", "dash-name", "ünï", "AWS.reserved", "x\u0000y"}) {
            String encoded = AttributeNames.encode(name);
            assertThat(encoded).matches("[A-Za-z0-9_\\-]+");
            assertThat(AttributeNames.decode(encoded)).isEqualTo(name);
        }
        assertThat(AttributeNames.encode("plain_Name1")).isEqualTo("plain_Name1");
        assertThat(AttributeNames.decode("trace-id")).isEqualTo("trace-id"); // a plain producer's name stays as it is
    }

    @Test
    void sizeIsMeasuredOnTheEncodedRequest() throws Exception {
        JmsAwsBytesMessage m = (JmsAwsBytesMessage) withId(new JmsAwsBytesMessage());
        m.writeBytes(new byte[196_608]); // exactly 262,144 base64 characters: over the limit with the attributes
        assertThatThrownBy(() -> WireCodec.encode(m, STANDARD)).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("262144").hasMessageContaining("queue://q");
        JmsAwsBytesMessage small = (JmsAwsBytesMessage) withId(new JmsAwsBytesMessage());
        small.writeBytes(new byte[100]);
        OutboundMessage out = WireCodec.encode(small, STANDARD);
        int expected = out.body().length();
        for (var e : out.attributes().entrySet()) expected += e.getKey().length() + e.getValue().dataType().length() + e.getValue().stringValue().length();
        assertThat(out.encodedSize()).isEqualTo(expected);
    }

    @Test
    void fifoMessagesGetGroupAndADeduplicationIdFromTheMessageId() throws Exception {
        JmsAwsMessage m = withId(new JmsAwsTextMessage("f"));
        OutboundMessage out = WireCodec.encode(m, FIFO);
        assertThat(out.groupId()).isEqualTo("default");
        assertThat(out.deduplicationId()).isEqualTo("0b7c3f9e-1111-2222-3333-444455556666");
        m.setStringProperty("JMSXGroupID", "customer-7");
        m.setStringProperty("JMS_SQS_DeduplicationId", "order-1");
        out = WireCodec.encode(m, FIFO);
        assertThat(out.groupId()).isEqualTo("customer-7");
        assertThat(out.deduplicationId()).isEqualTo("order-1");
        assertThat(out.attributes()).doesNotContainKeys("JMSXGroupID", "JMS_SQS_DeduplicationId");
        OutboundMessage contentBased = WireCodec.encode(withId(new JmsAwsTextMessage("c")),
                new SendTarget("queue://c.fifo", true, 262_144, "default", true));
        assertThat(contentBased.deduplicationId()).isNull();
        m.setStringProperty("JMSXGroupID", "no spaces allowed");
        assertThatThrownBy(() -> WireCodec.encode(m, FIFO)).isInstanceOf(MessageFormatException.class).hasMessageContaining("MessageGroupId");
    }

    @Test
    void delaysUpToFifteenMinutesUseDelaySecondsRoundedUp() throws Exception {
        JmsAwsMessage m = withId(new JmsAwsTextMessage("d"));
        m.setJMSDeliveryTime(m.getJMSTimestamp() + 1_200);
        assertThat(WireCodec.encode(m, STANDARD).delaySeconds()).isEqualTo(2);
        m.setJMSDeliveryTime(m.getJMSTimestamp() + 3_600_000);
        assertThat(WireCodec.encode(m, STANDARD).delaySeconds()).isNull(); // the consumer holds it back
        m.setJMSDeliveryTime(m.getJMSTimestamp() + 1_200);
        assertThat(WireCodec.encode(m, FIFO).delaySeconds()).isNull();
    }

    @Test
    void aMalformedHeaderAttributeStillDeliversTheBody() throws Exception {
        Message sqs = Message.builder().messageId("x").receiptHandle("r").body("raw body")
                .messageAttributes(Map.of(WireCodec.HEADERS_ATTRIBUTE, MessageAttributeValue.builder().dataType("String").stringValue("garbage").build()))
                .attributesWithStrings(Map.of("ApproximateReceiveCount", "3")).build();
        JmsAwsMessage m = WireCodec.decode(sqs, new JmsAwsQueue("q"), TrustedPackages.DEFAULT);
        assertThat(((JmsAwsTextMessage) m).getText()).isEqualTo("raw body");
        assertThat(m.getJMSMessageID()).isEqualTo("ID:x");
        assertThat(m.getJMSRedelivered()).isTrue();
        assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
    }
}
