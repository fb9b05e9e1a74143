package dev.capi.domain.jobs;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes this node's job worker when a job is enqueued here, instead of at its next poll. */
public final class JobWakeUp {
    private final Semaphore permits = new Semaphore(0);

    public void signal() {
        permits.release();
    }

    /** Waits until signalled or {@code millis} pass; signals that piled up meanwhile count as one. */
    void await(long millis) throws InterruptedException {
        permits.tryAcquire(millis, TimeUnit.MILLISECONDS);
        permits.drainPermits();
    }
}
