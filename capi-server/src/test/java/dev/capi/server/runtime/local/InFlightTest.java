package dev.capi.server.runtime.local;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An instance stops only once the router's requests to it are answered; a draining port takes no new ones. */
class InFlightTest {
    private final InFlight inFlight = new InFlight();

    @Test
    void drainWaitsForTheRequestsInFlightAndRefusesNewOnes() throws Exception {
        assertThat(inFlight.enter(4000)).isTrue();
        assertThat(inFlight.enter(4000)).isTrue();
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return inFlight.drain(4000, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitDraining(4000);
        assertThat(inFlight.enter(4000)).as("a draining port takes no new request").isFalse();
        inFlight.exit(4000);
        assertThat(drained).as("one request still in flight").isNotDone();
        inFlight.exit(4000);
        assertThat(drained.get(10, TimeUnit.SECONDS)).isTrue();

        inFlight.open(4000);
        assertThat(inFlight.enter(4000)).as("a new instance on the same port").isTrue();
        assertThat(inFlight.drain(4001, Duration.ofSeconds(1))).as("an idle port drains at once").isTrue();
        assertThat(inFlight.drain(4000, Duration.ofMillis(50))).as("gives up after the limit").isFalse();
    }

    private void awaitDraining(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (inFlight.enter(port)) {
            inFlight.exit(port);
            assertThat(System.nanoTime()).as("drain started").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
