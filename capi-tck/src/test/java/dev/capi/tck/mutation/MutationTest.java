package dev.capi.tck.mutation;

import dev.capi.tck.runner.KitRun;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit checks itself: run against the server behind a {@link FaultyProxy}, one {@link Fault} at a time, a
 * small relevant part of the kit must fail for every deviation; through the proxy without a fault it must pass,
 * and an unrouted area must come out UNSUPPORTED, not failed. The score is printed and written to
 * {@code target/mutation-score.txt}.
 */
@Tag("build")
class MutationTest {
    @Test
    void theKitPassesThroughTheProxyWithoutAFault() throws IOException {
        assertThat(run(null, List.of("StacksTest", "OrganizationsTest")).failed()).as("a clean proxied run").isFalse();
    }

    @Test
    void anUnroutedAreaIsUnsupportedNotFailed() throws IOException {
        KitRun.Outcome outcome = run(Fault.UNROUTES_STACKS, Fault.UNROUTES_STACKS.tests());
        assertThat(outcome.failed()).as(outcome.failures().toString()).isFalse();
        assertThat(outcome.unsupported()).isPositive();
    }

    @Test
    void theKitFailsOnEveryInjectedFault() throws IOException {
        List<String> missed = new ArrayList<>();
        List<Fault> deviations = Arrays.stream(Fault.values()).filter(Fault::deviation).toList();
        for (Fault fault : deviations) {
            if (!caught(fault)) {
                missed.add(fault.name());
            }
        }
        String score = "mutation score: " + (deviations.size() - missed.size()) + " of " + deviations.size()
                + " injected faults caught" + (missed.isEmpty() ? "" : "; missed " + missed);
        System.out.println(score);
        Files.writeString(Path.of("target", "mutation-score.txt"), score + "\n");
        assertThat(missed).as(score).isEmpty();
    }

    /**
     * Whether the kit noticed the fault: a failed test, or a check that failed outside any test (for example while
     * the kit cleaned up what it created through the faulty proxy).
     */
    private static boolean caught(Fault fault) throws IOException {
        try {
            return run(fault, fault.tests()).failed();
        } catch (AssertionError noticedOutsideATest) {
            return true;
        }
    }

    private static KitRun.Outcome run(Fault fault, List<String> tests) throws IOException {
        Tck real = Tck.get();
        try (FaultyProxy proxy = new FaultyProxy(real.baseUrl(), fault, () -> real.admin().token())) {
            Tck previous = Tck.redirect(proxy.url(), real.adminUsername(), real.adminPassword());
            try {
                return KitRun.classes(Tck.get(), tests);
            } finally {
                Tck.restore(previous);
            }
        }
    }
}
