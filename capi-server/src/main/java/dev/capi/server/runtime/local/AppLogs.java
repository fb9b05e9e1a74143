package dev.capi.server.runtime.local;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each app's recent log lines (staging output and its instances' and tasks' stdout/stderr), newest kept: a bounded
 * ring per app, read in the log-cache way (from a start time, oldest or newest first, up to a limit).
 */
public final class AppLogs {
    private final int capacity;
    private final Clock clock;
    private final Map<String, Deque<LogLine>> rings = new ConcurrentHashMap<>();
    private final AtomicLong lastNanos = new AtomicLong();

    public AppLogs(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    /**
     * One line: when (nanoseconds since the epoch, unique and increasing), the app, the source type ({@code STG},
     * {@code APP/PROC/WEB}, {@code APP/TASK/<name>}), the instance, the text and whether it came from stderr.
     */
    public record LogLine(long timestampNanos, String sourceId, String sourceType, String instanceId, String text,
                          boolean stderr) {
    }

    public void append(String appGuid, String sourceType, String instanceId, String text, boolean stderr) {
        long nanos = nextNanos();
        Deque<LogLine> ring = rings.computeIfAbsent(appGuid, g -> new ArrayDeque<>());
        synchronized (ring) {
            ring.addLast(new LogLine(nanos, appGuid, sourceType, instanceId, text, stderr));
            while (ring.size() > capacity) {
                ring.removeFirst();
            }
        }
    }

    /** Lines of the app at or after {@code startNanos} and before {@code endNanos}, oldest first, at most {@code limit}. */
    public List<LogLine> read(String appGuid, long startNanos, long endNanos, int limit, boolean descending) {
        Deque<LogLine> ring = rings.get(appGuid);
        if (ring == null) {
            return List.of();
        }
        List<LogLine> lines;
        synchronized (ring) {
            lines = new ArrayList<>(ring);
        }
        List<LogLine> inRange = lines.stream().filter(l -> l.timestampNanos() >= startNanos
                && l.timestampNanos() < endNanos).toList();
        if (descending) {
            List<LogLine> reversed = new ArrayList<>(inRange);
            java.util.Collections.reverse(reversed);
            return List.copyOf(reversed.subList(0, Math.min(limit, reversed.size())));
        }
        return List.copyOf(inRange.subList(0, Math.min(limit, inRange.size())));
    }

    /** Forgets an app's lines (the app was deleted). */
    public void forget(String appGuid) {
        rings.remove(appGuid);
    }

    private long nextNanos() {
        var now = clock.instant();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        return lastNanos.updateAndGet(last -> Math.max(last + 1, nanos));
    }
}
