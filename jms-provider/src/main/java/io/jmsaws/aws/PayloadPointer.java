package io.jmsaws.aws;

import software.amazon.awssdk.protocols.jsoncore.JsonNode;

import java.util.List;

/**
 * Where an offloaded body lies: the SQS message body AWS's extended client writes and reads,
 * {@code ["software.amazon.payloadoffloading.PayloadS3Pointer",{"s3BucketName":"…","s3Key":"…"}]}.
 */
record PayloadPointer(String bucket, String key) {
    static final String CLASS_NAME = "software.amazon.payloadoffloading.PayloadS3Pointer";

    String toJson() {
        return "[\"" + CLASS_NAME + "\",{\"s3BucketName\":\"" + escape(bucket) + "\",\"s3Key\":\"" + escape(key) + "\"}]";
    }

    /** The pointer this body is, or null when it is none. */
    static PayloadPointer parse(String body) {
        if (body == null || !body.startsWith("[") || !body.contains(CLASS_NAME)) return null;
        try {
            List<JsonNode> array = JsonNode.parser().parse(body).asArray();
            if (array.size() != 2 || !CLASS_NAME.equals(array.get(0).text())) return null;
            String bucket = array.get(1).field("s3BucketName").map(JsonNode::text).orElse(null);
            String key = array.get(1).field("s3Key").map(JsonNode::text).orElse(null);
            return bucket == null || key == null ? null : new PayloadPointer(bucket, key);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
