package dev.capi.server.runtime.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the OS says a running instance uses: cpu time and resident memory of its process and descendants. */
final class ProcessUsage {
    private long lastCpuNanos;
    private long lastSampleNanos;
    private double lastCpu;

    /** The cpu fraction (1.0 = one core) since the previous sample, or since the process started on the first. */
    synchronized double cpu(ProcessHandle process) {
        long cpuNanos = tree(process).stream().mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos)
                .orElse(0L)).sum();
        long now = System.nanoTime();
        if (lastSampleNanos == 0) {
            long age = process.info().startInstant().map(s -> Duration.between(s, java.time.Instant.now()).toNanos())
                    .orElse(0L);
            lastCpu = age > 0 ? (double) cpuNanos / age : 0.0;
        } else if (now - lastSampleNanos > 100_000_000L) {
            lastCpu = Math.max(0.0, (double) (cpuNanos - lastCpuNanos) / (now - lastSampleNanos));
        } else {
            return lastCpu;
        }
        lastCpuNanos = cpuNanos;
        lastSampleNanos = now;
        return lastCpu;
    }

    /** Resident bytes ({@code VmRSS} in {@code /proc}; 0 where there is no {@code /proc}). */
    static long memory(ProcessHandle process) {
        return tree(process).stream().mapToLong(p -> rss(p.pid())).sum();
    }

    private static List<ProcessHandle> tree(ProcessHandle process) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process);
        all.addAll(process.descendants().toList());
        return all;
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024L;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or no /proc
        }
        return 0L;
    }
}
