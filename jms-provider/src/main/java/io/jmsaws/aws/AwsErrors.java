package io.jmsaws.aws;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageFormatException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * SDK failures → the JMSException subclass a JMS user expects, naming the operation, the queue and
 * the AWS error code. Messages never include credentials (the SDK's own messages do not either).
 */
public final class AwsErrors {
    private AwsErrors() {
    }

    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public static String errorCode(Throwable t) {
        Throwable cause = unwrap(t);
        if (cause instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
            return ase.awsErrorDetails().errorCode();
        }
        return null;
    }

    public static boolean isQueueMissing(Throwable t) {
        String code = errorCode(t);
        return code != null && (code.contains("NonExistentQueue") || code.contains("QueueDoesNotExist"));
    }

    /** CreateQueue found the name taken by a queue with other attributes (often: created a moment ago by another client). */
    public static boolean isQueueAlreadyExists(Throwable t) {
        String code = errorCode(t);
        return code != null && (code.contains("QueueAlreadyExists") || code.contains("QueueNameExists"));
    }

    public static JMSException toJms(Throwable t, String operation, String target) {
        Throwable cause = unwrap(t);
        if (cause instanceof JMSException je) return je;
        JMSException e;
        if (cause instanceof AwsServiceException ase) {
            String code = ase.awsErrorDetails() == null ? "unknown" : ase.awsErrorDetails().errorCode();
            String text = operation + " on " + target + " failed: " + code + ": "
                    + (ase.awsErrorDetails() == null ? ase.getMessage() : ase.awsErrorDetails().errorMessage());
            if (isQueueMissing(ase)) {
                e = new InvalidDestinationException(text, code);
            } else if (code != null && (code.contains("AccessDenied") || code.contains("InvalidClientTokenId")
                    || code.contains("SignatureDoesNotMatch") || code.contains("UnrecognizedClient")
                    || code.contains("InvalidSecurity") || code.contains("ExpiredToken") || ase.statusCode() == 403)) {
                e = new JMSSecurityException(text, code);
            } else if (code != null && (code.contains("InvalidMessageContents") || code.contains("MessageTooLong"))) {
                e = new MessageFormatException(text, code);
            } else {
                e = new JMSException(text, code);
            }
        } else if (cause instanceof SdkClientException) {
            e = new JMSException(operation + " on " + target + " failed: " + cause.getMessage());
        } else {
            e = new JMSException(operation + " on " + target + " failed: " + cause);
        }
        e.initCause(cause);
        if (cause instanceof Exception ex) e.setLinkedException(ex);
        return e;
    }
}
