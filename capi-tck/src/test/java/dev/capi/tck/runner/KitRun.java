package dev.capi.tck.runner;

import dev.capi.tck.support.Tck;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Runs part of the kit in this JVM against the kit's current target (the kit's own mutation test uses it). */
public final class KitRun {
    private KitRun() {
    }

    /** A finished run, as the mutation test needs it. */
    public record Outcome(boolean failed, long unsupported, List<String> failures) {
    }

    /** Runs the named test classes (simple names) quietly. */
    public static Outcome classes(Tck tck, List<String> tests) {
        Options options = new Options(tck.baseUrl(), tck.adminUsername(), tck.adminPassword(), null, List.of(),
                List.of(), tests, 1, false, true, false, Map.of());
        Map<String, List<String>> selected = TckMain.select(TckMain.discoverAreas(), options);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        TckMain.Run run = TckMain.execute(tck, options, selected, quiet);
        List<TestResult> all = run.areas().stream().flatMap(a -> a.tests().stream()).toList();
        return new Outcome(run.failed(), all.stream().filter(t -> t.status() == Status.UNSUPPORTED).count(),
                all.stream().filter(t -> t.status() == Status.FAIL).map(t -> t.className() + " / " + t.name()
                        + ": " + t.message()).toList());
    }
}
