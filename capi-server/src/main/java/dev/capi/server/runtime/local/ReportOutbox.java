package dev.capi.server.runtime.local;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The reports the local runtime has not delivered yet. The runtime only posts; {@link ReportDelivery} (built once the
 * domain is assembled) takes them, as an external runtime's calls arrive on the internal API.
 */
public final class ReportOutbox {
    private final BlockingQueue<RuntimeReport> queue = new LinkedBlockingQueue<>();

    void post(RuntimeReport report) {
        queue.add(report);
    }

    RuntimeReport take(long timeoutMillis) throws InterruptedException {
        return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
