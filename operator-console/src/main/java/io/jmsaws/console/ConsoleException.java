package io.jmsaws.console;

/** What the adapter refused or could not do, with its message for the page. */
final class ConsoleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConsoleException(String message, Throwable cause) {
        super(message, cause);
    }
}
