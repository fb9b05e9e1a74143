package dev.capi.server.runtime.local;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The requests the router has in flight to each instance port, so that an instance leaves gracefully: stopping it
 * first closes its port to new requests ({@link #drain}), waits until the ones it is serving are answered, and only
 * then signals the process — no request that the router sent there fails because the instance went away (the
 * guarantee a rolling deployment needs). Requests the router could not start on a draining port go to another
 * instance.
 */
final class InFlight {
    private final Map<Integer, int[]> counts = new HashMap<>();
    private final Map<Integer, Boolean> draining = new HashMap<>();

    /** A fresh instance listens on {@code port} (it may have been another instance's before). */
    synchronized void open(int port) {
        draining.remove(port);
    }

    /** Counts one request to {@code port}; false (nothing counted) when the port is draining. */
    synchronized boolean enter(int port) {
        if (draining.containsKey(port)) {
            return false;
        }
        counts.computeIfAbsent(port, p -> new int[1])[0]++;
        return true;
    }

    /** The request to {@code port} was answered (or failed). */
    synchronized void exit(int port) {
        int[] count = counts.get(port);
        if (count != null && --count[0] <= 0) {
            counts.remove(port);
            notifyAll();
        }
    }

    /**
     * Closes {@code port} to new requests and waits (at most {@code limit}) until none is in flight there; returns
     * whether it became idle in time.
     */
    synchronized boolean drain(int port, Duration limit) throws InterruptedException {
        draining.put(port, Boolean.TRUE);
        long deadline = System.nanoTime() + limit.toNanos();
        while (counts.containsKey(port)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
