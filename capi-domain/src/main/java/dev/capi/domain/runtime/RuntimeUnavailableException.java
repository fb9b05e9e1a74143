package dev.capi.domain.runtime;

/** The runtime could not be reached or refused the request; the domain answers 503. */
public final class RuntimeUnavailableException extends RuntimeException {
    public RuntimeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public RuntimeUnavailableException(String message) {
        super(message);
    }
}
