package dev.capi.domain.jobs;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells this node's job scheduler that a job was enqueued here (signalled once the enqueuing transaction commits), so
 * that it looks for work now instead of at its next poll; other nodes find the job by polling.
 */
public final class JobWakeUp {
    private final Semaphore permits = new Semaphore(0);

    public void signal() {
        permits.release();
    }

    /** Waits until signalled or {@code millis} pass; returns whether signalled (signals piled up count as one). */
    public boolean await(long millis) throws InterruptedException {
        boolean signalled = permits.tryAcquire(millis, TimeUnit.MILLISECONDS);
        permits.drainPermits();
        return signalled;
    }
}
