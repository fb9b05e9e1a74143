package dev.capi.tck.runner;

import dev.capi.tck.support.Cleanup;
import dev.capi.tck.support.Inventory;
import dev.capi.tck.support.Tck;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code java -jar capi-tck.jar --url URL --admin-user U --admin-password P ...}: runs the kit area by area with
 * JUnit Platform's launcher, prints a line per area, writes the reports, removes what it created and exits 0 only
 * when nothing failed.
 */
public final class TckMain {
    static final String ROOT_PACKAGE = "dev.capi.tck";
    /** Packages of the kit that hold no conformance tests. */
    static final Set<String> NOT_AREAS = Set.of("support", "runner", "bench", "mutation");
    /** Tests about this build rather than about the target (sources, the kit's own fault detection). */
    static final String BUILD_TAG = "build";

    private TckMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("capi-tck: " + e.getMessage() + "\n\n" + Options.USAGE);
            return 2;
        }
        if (options.help()) {
            System.out.print(Options.USAGE);
            return 0;
        }
        System.setProperty("logback.configurationFile", "capi-tck-logback.xml");
        Map<String, List<String>> areas = discoverAreas();
        if (options.list()) {
            areas.forEach((area, classes) -> System.out.println(area + "  (" + classes.size() + " classes)"));
            return 0;
        }
        List<String> unknown = new ArrayList<>(options.only());
        unknown.addAll(options.skip());
        unknown.removeAll(areas.keySet());
        if (!unknown.isEmpty()) {
            System.err.println("capi-tck: unknown area(s) " + unknown + "; areas: " + areas.keySet());
            return 2;
        }
        Map<String, List<String>> selected = select(areas, options);
        if (selected.isEmpty()) {
            System.err.println("capi-tck: nothing selected");
            return 2;
        }
        System.setProperty("capi.tck.url", options.url());
        System.setProperty("capi.tck.admin-user", options.adminUser());
        System.setProperty("capi.tck.admin-password", options.adminPassword());
        options.systemProperties().forEach(System::setProperty);

        Tck tck;
        try {
            tck = Tck.get();
        } catch (RuntimeException | AssertionError e) {
            System.err.println("capi-tck: cannot use " + options.url() + ": " + e.getMessage());
            return 2;
        }
        System.out.println("capi TCK against " + options.url() + " (names start with " + Tck.RUN_PREFIX + ")");
        AtomicBoolean cleaned = new AtomicBoolean(options.keep());
        Thread hook = new Thread(() -> cleanUp(tck, cleaned), "capi-tck-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        Run run = execute(tck, options, selected, System.out);
        cleanUp(tck, cleaned);
        Runtime.getRuntime().removeShutdownHook(hook);
        return run.failed() ? 1 : 0;
    }

    /** A finished run: per area, per row. */
    record Run(List<AreaResult> areas, List<RowResult> rows) {
        boolean failed() {
            return areas.stream().anyMatch(a -> a.count(Status.FAIL) > 0);
        }
    }

    /** The areas (and within them the classes) the options select. */
    static Map<String, List<String>> select(Map<String, List<String>> areas, Options options) {
        Map<String, List<String>> selected = new TreeMap<>(areas);
        if (!options.only().isEmpty()) {
            selected.keySet().retainAll(options.only());
        }
        selected.keySet().removeAll(options.skip());
        if (!options.tests().isEmpty()) {
            Map<String, List<String>> classes = new TreeMap<>();
            selected.forEach((area, names) -> {
                List<String> kept = names.stream()
                        .filter(n -> options.tests().contains(n.substring(n.lastIndexOf('.') + 1))).toList();
                if (!kept.isEmpty()) {
                    classes.put(area, kept);
                }
            });
            return classes;
        }
        return selected;
    }

    /** Probes the target, runs the selected areas, prints progress and the summary, writes the reports. */
    static Run execute(Tck tck, Options options, Map<String, List<String>> selected, PrintStream out) {
        Inventory inventory = Inventory.bundled();
        Set<String> unrouted = Traceability.unrouted(tck, inventory);
        out.println("inventory: " + (inventory.rows().size() - unrouted.size()) + " of "
                + inventory.rows().size() + " rows routed");
        List<AreaResult> results = runAreas(options, selected, unrouted, inventory, out);
        List<TestResult> all = results.stream().flatMap(a -> a.tests().stream()).toList();
        Set<String> rowsInRun = new LinkedHashSet<>();
        all.forEach(t -> rowsInRun.addAll(t.rows()));
        boolean whole = options.only().isEmpty() && options.skip().isEmpty() && options.tests().isEmpty();
        List<RowResult> rows = RowResult.of(inventory.rows().stream()
                .filter(r -> whole || rowsInRun.contains(r.name())).toList(), unrouted, all);
        Reports reports = new Reports(options.url(), results, rows, Instant.now());
        out.println();
        out.println(reports.summary());
        rows.stream().filter(r -> r.status() == Status.NOT_COVERED)
                .forEach(r -> out.println("  not covered: " + r.row().name()));
        if (options.report() != null) {
            try {
                reports.writeAll(options.report());
                out.println("reports: " + options.report().resolve("report.html") + ", report.md, junit.xml");
            } catch (IOException e) {
                out.println("capi-tck: cannot write the reports: " + e.getMessage());
            }
        }
        return new Run(results, rows);
    }

    private static List<AreaResult> runAreas(Options options, Map<String, List<String>> selected,
                                             Set<String> unrouted, Inventory inventory, PrintStream out) {
        Launcher launcher = LauncherFactory.create();
        List<AreaResult> results = new ArrayList<>();
        int width = selected.keySet().stream().mapToInt(String::length).max().orElse(10);
        int n = 0;
        boolean stop = false;
        PrintStream stdout = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        for (var area : selected.entrySet()) {
            n++;
            if (stop) {
                break;
            }
            long start = System.nanoTime();
            ResultCollector collector = new ResultCollector(area.getKey(), unrouted, inventory);
            PrintStream capture = new PrintStream(captured, true);
            System.setOut(capture);
            System.setErr(capture);
            try {
                launcher.execute(request(area.getValue(), options.parallel()), collector);
            } finally {
                System.setOut(stdout);
                System.setErr(err);
            }
            AreaResult result = new AreaResult(area.getKey(), collector.results(),
                    (System.nanoTime() - start) / 1_000_000);
            results.add(result);
            out.printf("[%2d/%d] %s%n", n, selected.size(), result.line(width));
            result.tests().stream().filter(t -> t.status() == Status.FAIL)
                    .forEach(t -> out.println("        FAIL " + t.className() + " / " + t.name()));
            stop = options.failFast() && result.count(Status.FAIL) > 0;
        }
        if (options.report() != null) {
            try {
                Files.createDirectories(options.report());
                Files.write(options.report().resolve("output.log"), captured.toByteArray());
            } catch (IOException e) {
                err.println("capi-tck: cannot write output.log: " + e.getMessage());
            }
        }
        return results;
    }

    private static LauncherDiscoveryRequest request(List<String> classes, int parallel) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        classes.forEach(c -> selectors.add(DiscoverySelectors.selectClass(c)));
        Map<String, String> config = new HashMap<>();
        if (parallel > 1) {
            config.put("junit.jupiter.execution.parallel.enabled", "true");
            config.put("junit.jupiter.execution.parallel.mode.default", "same_thread");
            config.put("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
            config.put("junit.jupiter.execution.parallel.config.strategy", "fixed");
            config.put("junit.jupiter.execution.parallel.config.fixed.parallelism", Integer.toString(parallel));
        }
        return LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                .filters(TagFilter.excludeTags(BUILD_TAG)).configurationParameters(config).build();
    }

    /** The kit's areas (package below {@code dev.capi.tck}) and their top-level test classes. */
    public static Map<String, List<String>> discoverAreas() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage(ROOT_PACKAGE))
                .filters(TagFilter.excludeTags(BUILD_TAG), ClassNameFilter.includeClassNamePatterns(".*"))
                .build();
        TestPlan plan = LauncherFactory.create().discover(request);
        Map<String, List<String>> areas = new TreeMap<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier child : plan.getChildren(root)) {
                if (child.getSource().orElse(null) instanceof ClassSource c) {
                    String name = c.getClassName();
                    String rest = name.substring(ROOT_PACKAGE.length() + 1);
                    int dot = rest.indexOf('.');
                    if (dot < 0) {
                        continue;
                    }
                    String area = rest.substring(0, dot);
                    if (!NOT_AREAS.contains(area)) {
                        areas.computeIfAbsent(area, a -> new ArrayList<>()).add(name);
                    }
                }
            }
        }
        return areas;
    }

    private static void cleanUp(Tck tck, AtomicBoolean cleaned) {
        if (cleaned.compareAndSet(false, true)) {
            try {
                System.out.println(new Cleanup(tck).run());
            } catch (RuntimeException e) {
                System.err.println("capi-tck: cleanup failed: " + e.getMessage());
            }
        }
    }
}
