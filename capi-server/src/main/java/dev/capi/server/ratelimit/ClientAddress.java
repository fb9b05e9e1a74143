package dev.capi.server.ratelimit;

/**
 * The caller's address, as the reference takes it: the first entry of {@code X-Forwarded-For} when a proxy sent one,
 * else the connection's peer. Bounded in length, since the header is the caller's to write.
 */
final class ClientAddress {
    static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    static String of(String forwardedFor, String peer) {
        if (forwardedFor != null) {
            String first = forwardedFor.strip().split(",", 2)[0].strip();
            if (!first.isEmpty()) {
                return bounded(first);
            }
        }
        return peer == null || peer.isBlank() ? "unknown" : bounded(peer);
    }

    private static String bounded(String address) {
        return address.length() <= MAX_LENGTH ? address : address.substring(0, MAX_LENGTH);
    }
}
