package io.jmsaws.message;

import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spec's conversion table and read-only/write-only states (JMS 3.1, sections 3.5 and 3.11). */
class MessageSemanticsTest {
    @Test
    void propertyConversionsFollowTheSpecTable() throws Exception {
        JmsAwsMessage m = new JmsAwsMessage();
        m.setByteProperty("b", (byte) 5);
        assertThat(m.getShortProperty("b")).isEqualTo((short) 5);
        assertThat(m.getIntProperty("b")).isEqualTo(5);
        assertThat(m.getLongProperty("b")).isEqualTo(5L);
        assertThat(m.getStringProperty("b")).isEqualTo("5");
        assertThatThrownBy(() -> m.getFloatProperty("b")).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.getBooleanProperty("b")).isInstanceOf(MessageFormatException.class);
        m.setFloatProperty("f", 1.5f);
        assertThat(m.getDoubleProperty("f")).isEqualTo(1.5);
        assertThatThrownBy(() -> m.getIntProperty("f")).isInstanceOf(MessageFormatException.class);
        m.setStringProperty("s", "12");
        assertThat(m.getIntProperty("s")).isEqualTo(12);
        assertThat(m.getDoubleProperty("s")).isEqualTo(12.0);
        m.setStringProperty("t", "true");
        assertThat(m.getBooleanProperty("t")).isTrue();
        assertThatThrownBy(() -> m.getIntProperty("t")).isInstanceOf(NumberFormatException.class);
        // absent properties behave like valueOf(null)
        assertThat(m.getBooleanProperty("absent")).isFalse();
        assertThat(m.getStringProperty("absent")).isNull();
        assertThatThrownBy(() -> m.getIntProperty("absent")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void propertyValuesAndNamesAreChecked() {
        JmsAwsMessage m = new JmsAwsMessage();
        assertThatThrownBy(() -> m.setObjectProperty("o", new Object())).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.setObjectProperty("o", new byte[1])).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.setIntProperty(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setIntProperty("", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesMessagesAreWriteOnlyThenReadOnly() throws Exception {
        JmsAwsBytesMessage m = new JmsAwsBytesMessage();
        m.writeShort((short) 3);
        m.writeObject("text");
        assertThatThrownBy(m::readShort).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(m::getBodyLength).isInstanceOf(MessageNotReadableException.class);
        m.reset();
        assertThat(m.getBodyLength()).isEqualTo(2 + 2 + 4);
        assertThatThrownBy(() -> m.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);
        assertThat(m.readShort()).isEqualTo((short) 3);
        assertThat(m.readUTF()).isEqualTo("text");
        assertThatThrownBy(m::readByte).isInstanceOf(MessageEOFException.class);
        assertThat(m.readBytes(new byte[4])).isEqualTo(-1);
        assertThatThrownBy(() -> m.writeObject(new Object())).isInstanceOf(MessageNotWriteableException.class);
        m.clearBody();
        assertThatThrownBy(() -> m.writeObject(new Object())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void streamMessagesConvertAndKeepThePositionOnAFailedRead() throws Exception {
        JmsAwsStreamMessage m = new JmsAwsStreamMessage();
        m.writeLong(42L);
        m.writeObject(null);
        m.reset();
        assertThatThrownBy(m::readInt).isInstanceOf(MessageFormatException.class); // long does not narrow to int
        assertThat(m.readString()).isEqualTo("42"); // ...and the failed read left the position where it was
        assertThat(m.readObject()).isNull();
    }

    @Test
    void streamReadBytesReadsAnArrayInPieces() throws Exception {
        JmsAwsStreamMessage m = new JmsAwsStreamMessage();
        m.writeBytes(new byte[]{1, 2, 3});
        m.writeBytes(new byte[0]);
        m.writeInt(9);
        m.reset();
        byte[] two = new byte[2];
        assertThat(m.readBytes(two)).isEqualTo(2);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageFormatException.class);
        assertThat(m.readBytes(two)).isEqualTo(1);
        assertThat(m.readBytes(two)).isEqualTo(0);
        assertThat(m.readInt()).isEqualTo(9);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void mapMessagesConvertLikeProperties() throws Exception {
        JmsAwsMapMessage m = new JmsAwsMapMessage();
        m.setShort("s", (short) 2);
        m.setChar("c", 'z');
        m.setBytes("b", new byte[]{1});
        assertThat(m.getLong("s")).isEqualTo(2L);
        assertThat(m.getString("c")).isEqualTo("z");
        assertThatThrownBy(() -> m.getInt("c")).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.getString("b")).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.getChar("absent")).isInstanceOf(NullPointerException.class);
        assertThat(m.getBody(Map.class)).containsKeys("s", "c", "b");
    }

    @Test
    void getBodyChecksTheType() throws Exception {
        JmsAwsTextMessage t = new JmsAwsTextMessage("x");
        assertThat(t.getBody(String.class)).isEqualTo("x");
        assertThat(t.isBodyAssignableTo(Integer.class)).isFalse();
        assertThatThrownBy(() -> t.getBody(Integer.class)).isInstanceOf(MessageFormatException.class);
        assertThat(new JmsAwsMessage().getBody(Object.class)).isNull();
        assertThatThrownBy(() -> new JmsAwsStreamMessage().getBody(Object.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void objectMessagesCopyTheObjectWhenSet() throws Exception {
        JmsAwsObjectMessage m = new JmsAwsObjectMessage();
        StringBuilder sb = new StringBuilder("before");
        m.setObject(sb);
        sb.append(" after");
        assertThat(m.getObject().toString()).isEqualTo("before");
    }

    /** Serializable by its type, not in fact: its field is not. */
    record Holder(Object content) implements java.io.Serializable { }

    @Test
    void aPayloadThatCannotBeSerializedIsAMessageFormatExceptionNamingItsType() {
        JmsAwsObjectMessage m = new JmsAwsObjectMessage();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.setObject(new Holder(new Object())))
                .isInstanceOf(jakarta.jms.MessageFormatException.class)
                .hasMessageContaining(Holder.class.getName()).hasMessageContaining("cannot be serialized");
    }

    @Test
    void trustedPackagesMatchWholePackagesOnly() {
        TrustedPackages t = TrustedPackages.parse("com.acme, java.util");
        assertThat(t.trusts("com.acme.Order")).isTrue();
        assertThat(t.trusts("com.acme.sub.Line")).isTrue();
        assertThat(t.trusts("com.acmeevil.Gadget")).isFalse();
        assertThat(t.trusts("[Ljava.util.List;")).isTrue();
        assertThat(t.trusts("[I")).isTrue();
        assertThat(TrustedPackages.parse("*").trusts("anything.At.All")).isTrue();
    }
}
