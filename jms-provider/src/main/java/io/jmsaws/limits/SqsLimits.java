package io.jmsaws.limits;

/** The SQS (and SNS) service limits the provider checks before it sends anything. */
public final class SqsLimits {
    private SqsLimits() {
    }

    public static final int MAX_MESSAGE_ATTRIBUTES = 10;
    public static final int MAX_ATTRIBUTE_NAME_LENGTH = 256;
    public static final int MAX_BATCH_ENTRIES = 10;
    /** Total payload of one SendMessageBatch request (SQS raised it to 1 MiB with the message size in 2025). */
    public static final int MAX_BATCH_BYTES = 1_048_576;
    /**
     * The queue attribute MaximumMessageSize of a queue created without one, and of a queue whose
     * server does not report it (ElasticMQ): SQS's default since August 2025, 1 MiB.
     */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 1_048_576;
    public static final int ABSOLUTE_MAX_MESSAGE_SIZE = 1_048_576;
    public static final int MAX_DELAY_SECONDS = 900;
    public static final int MAX_VISIBILITY_TIMEOUT_SECONDS = 43_200;
    public static final int MAX_WAIT_TIME_SECONDS = 20;
    public static final int MAX_RECEIVE_MESSAGES = 10;
    public static final int MAX_QUEUE_NAME_LENGTH = 80;
    public static final long DEDUPLICATION_WINDOW_MILLIS = 5 * 60 * 1000L;
    /**
     * SNS Publish (and a whole PublishBatch) takes at most 256 KiB unless the topic's
     * MaximumMessageSize says more (up to 1 MiB, since September 2026); no per-message delay.
     */
    public static final int SNS_MAX_PUBLISH_BYTES = 262_144;
    /** A topic whose MaximumMessageSize is above 256 KiB takes at most this many subscriptions. */
    public static final int SNS_LARGE_TOPIC_MAX_SUBSCRIPTIONS = 100;
    /** SNS filter policies compare numbers only within ±10⁹ ... */
    public static final java.math.BigDecimal SNS_FILTER_NUMBER_LIMIT = java.math.BigDecimal.valueOf(1_000_000_000);
    /** ... and with at most 5 decimals. */
    public static final int SNS_FILTER_NUMBER_DECIMALS = 5;

    /** Whether an SNS filter policy compares this number exactly (within ±10⁹, at most 5 decimals). */
    public static boolean snsFilterComparable(Number n) {
        if (n instanceof Double d && (d.isNaN() || d.isInfinite())) return false;
        if (n instanceof Float f && (f.isNaN() || f.isInfinite())) return false;
        java.math.BigDecimal b = new java.math.BigDecimal(n.toString());
        return b.abs().compareTo(SNS_FILTER_NUMBER_LIMIT) <= 0 && Math.max(0, b.stripTrailingZeros().scale()) <= SNS_FILTER_NUMBER_DECIMALS;
    }

    /** Index of the first character SQS rejects in a body or string attribute, or -1 when all are allowed. */
    public static int firstInvalidCharacter(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a valid supplementary code point
                continue;
            }
            return i;
        }
        return -1;
    }

    /** A queue name SQS accepts: 1 to 80 characters of A-Za-z0-9_- (a FIFO queue's .fifo suffix included). */
    public static boolean isValidQueueName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_QUEUE_NAME_LENGTH) return false;
        String base = name.endsWith(".fifo") ? name.substring(0, name.length() - 5) : name;
        if (base.isEmpty()) return false;
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) return false;
        }
        return true;
    }
}
