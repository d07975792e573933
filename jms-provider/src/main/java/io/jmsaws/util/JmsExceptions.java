package io.jmsaws.util;

import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.TransactionRolledBackRuntimeException;

/** JMSException → the matching JMSRuntimeException of the simplified API (spec 2.8). */
public final class JmsExceptions {
    private JmsExceptions() {
    }

    public static JMSRuntimeException toRuntime(JMSException e) {
        String msg = e.getMessage();
        String code = e.getErrorCode();
        JMSRuntimeException r;
        if (e instanceof IllegalStateException) r = new IllegalStateRuntimeException(msg, code, e);
        else if (e instanceof InvalidClientIDException) r = new InvalidClientIDRuntimeException(msg, code, e);
        else if (e instanceof InvalidDestinationException) r = new InvalidDestinationRuntimeException(msg, code, e);
        else if (e instanceof InvalidSelectorException) r = new InvalidSelectorRuntimeException(msg, code, e);
        else if (e instanceof JMSSecurityException) r = new JMSSecurityRuntimeException(msg, code, e);
        else if (e instanceof MessageFormatException) r = new MessageFormatRuntimeException(msg, code, e);
        else if (e instanceof MessageNotWriteableException) r = new MessageNotWriteableRuntimeException(msg, code, e);
        else if (e instanceof ResourceAllocationException) r = new ResourceAllocationRuntimeException(msg, code, e);
        else if (e instanceof TransactionInProgressException) r = new TransactionInProgressRuntimeException(msg, code, e);
        else if (e instanceof TransactionRolledBackException) r = new TransactionRolledBackRuntimeException(msg, code, e);
        else r = new JMSRuntimeException(msg, code, e);
        return r;
    }

    /**
     * The JMSException a failed future carries (unwrapped from CompletionException/ExecutionException),
     * or a new one saying {@code what} failed and why.
     */
    public static JMSException fromFailure(Throwable t, String what) {
        Throwable cause = t;
        while ((cause instanceof java.util.concurrent.CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof JMSException je) return je;
        return withCause(new JMSException(what + " failed: " + cause), cause);
    }

    public static JMSException withCause(JMSException e, Throwable cause) {
        e.initCause(cause);
        if (cause instanceof Exception ex) e.setLinkedException(ex);
        return e;
    }

    /** Runs JMS code in the simplified API, turning its checked exceptions into runtime ones. */
    @FunctionalInterface
    public interface JmsCall<T> {
        T call() throws JMSException;
    }

    public static <T> T runtime(JmsCall<T> call) {
        try {
            return call.call();
        } catch (JMSException e) {
            throw toRuntime(e);
        }
    }

    @FunctionalInterface
    public interface JmsAction {
        void run() throws JMSException;
    }

    public static void runtime(JmsAction action) {
        try {
            action.run();
        } catch (JMSException e) {
            throw toRuntime(e);
        }
    }
}
