package dev.capi.domain.osbapi;

/**
 * The broker gave no HTTP answer: the connection failed or timed out ({@link #timedOut()}). The reference answers
 * these with its ServiceBrokerApiTimeout / ServiceBrokerApiUnreachable errors and, for a timed-out provision or
 * bind, orphan mitigation.
 */
public final class BrokerUnreachable extends RuntimeException {
    private final boolean timedOut;

    public BrokerUnreachable(String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
