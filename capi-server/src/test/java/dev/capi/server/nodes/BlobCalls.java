package dev.capi.server.nodes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The calls every node made to the shared blobstore, by operation: who made each, how many ran at once at most, and
 * a gate that holds the next call of one operation until the test opens it (standing for work that takes long).
 */
final class BlobCalls {
    static final String DELETE_BY_PREFIX = "deleteByPrefix";
    static final String FOR_EACH_UNDER = "forEachUnder";

    private final Map<String, List<String>> nodesByOperation = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inside = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();
    private final AtomicReference<Gate> gate = new AtomicReference<>();

    /** A held call: its operation, the node that made it, and the latch that lets it go on. */
    record Gate(String operation, AtomicReference<String> heldNode, CountDownLatch open) {
    }

    void around(String node, String operation, Runnable call) {
        nodesByOperation.computeIfAbsent(operation, o -> new CopyOnWriteArrayList<>()).add(node);
        AtomicInteger now = inside.computeIfAbsent(operation, o -> new AtomicInteger());
        int concurrent = now.incrementAndGet();
        mostAtOnce.computeIfAbsent(operation, o -> new AtomicInteger()).accumulateAndGet(concurrent, Math::max);
        try {
            holdIfGated(node, operation);
            call.run();
        } finally {
            now.decrementAndGet();
        }
    }

    private void holdIfGated(String node, String operation) {
        Gate g = gate.get();
        if (g != null && g.operation().equals(operation) && g.heldNode().compareAndSet(null, node)) {
            try {
                if (!g.open().await(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Holds the next call of {@code operation} (one call only) until the returned gate is opened. */
    Gate hold(String operation) {
        Gate g = new Gate(operation, new AtomicReference<>(), new CountDownLatch(1));
        gate.set(g);
        return g;
    }

    /** The nodes that made each call of {@code operation}, in order. */
    List<String> callers(String operation) {
        return List.copyOf(nodesByOperation.getOrDefault(operation, List.of()));
    }

    /** The most calls of {@code operation} that were running at one moment. */
    int mostAtOnce(String operation) {
        return mostAtOnce.getOrDefault(operation, new AtomicInteger()).get();
    }
}
