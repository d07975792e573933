package io.jmsaws.message;

/** The six JMS message types, with the short code the wire format uses for each. */
public enum MessageKind {
    MESSAGE("m"), TEXT("t"), BYTES("b"), MAP("mp"), STREAM("s"), OBJECT("o");

    private final String code;

    MessageKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static MessageKind fromCode(String code) {
        for (MessageKind k : values()) {
            if (k.code.equals(code)) return k;
        }
        throw new IllegalArgumentException("unknown message kind '" + code + "'");
    }
}
