package io.jmsaws.admin;

/**
 * What a redrive did.
 *
 * @param method {@link #NATIVE} (SQS moved them with StartMessageMoveTask) or {@link #RECEIVE_SEND_DELETE}
 * @param moved  messages moved
 */
public record RedriveResult(String method, long moved) {
    public static final String NATIVE = "StartMessageMoveTask";
    public static final String RECEIVE_SEND_DELETE = "receive-send-delete";
}
