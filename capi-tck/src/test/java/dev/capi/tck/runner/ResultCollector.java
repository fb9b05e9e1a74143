package dev.capi.tck.runner;

import dev.capi.tck.support.Checks;
import dev.capi.tck.support.Inventory;
import dev.capi.tck.support.RequestLog;
import dev.capi.tck.support.RequestLog.Exchange;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.opentest4j.TestAbortedException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns JUnit's events into {@link TestResult}s: a failing test whose requests met an endpoint the target does
 * not route becomes UNSUPPORTED, an aborted one SKIPPED with its reason; a class whose setup failed is one result.
 */
final class ResultCollector implements TestExecutionListener {
    private final String area;
    private final Set<String> unrouted;
    private final Inventory inventory;
    private final List<TestResult> results = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Long> started = new ConcurrentHashMap<>();

    ResultCollector(String area, Set<String> unrouted, Inventory inventory) {
        this.area = area;
        this.unrouted = unrouted;
        this.inventory = inventory;
    }

    List<TestResult> results() {
        return List.copyOf(results);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (isTestOrClass(id)) {
            RequestLog.reset();
            started.put(id.getUniqueId(), System.nanoTime());
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (isTestOrClass(id)) {
            results.add(result(id, Status.SKIPPED, reason, null, List.of(), 0));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult outcome) {
        if (!isTestOrClass(id)) {
            return;
        }
        boolean test = id.isTest();
        if (!test && outcome.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            return; // a class that ran: its tests speak for it
        }
        Long start = started.remove(id.getUniqueId());
        long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
        List<Exchange> exchanges = RequestLog.exchanges();
        Throwable error = outcome.getThrowable().orElse(null);
        Status status = switch (outcome.getStatus()) {
            case SUCCESSFUL -> Status.PASS;
            case ABORTED -> error instanceof TestAbortedException || error == null ? Status.SKIPPED : Status.FAIL;
            case FAILED -> unsupported(exchanges) != null ? Status.UNSUPPORTED : Status.FAIL;
        };
        String message = error == null ? null : error.getMessage() == null ? error.toString() : error.getMessage();
        if (status == Status.UNSUPPORTED) {
            message = "the target does not route " + unsupported(exchanges) + " (404 CF-NotFound: Unknown request)";
        }
        results.add(result(id, status, message, status == Status.FAIL ? trace(error) : null, exchanges, millis));
    }

    /** The first unrouted inventory row the exchanges met, or null. */
    private String unsupported(List<Exchange> exchanges) {
        for (Exchange e : exchanges) {
            if (e.unknownRequest()) {
                var row = inventory.match(e.method(), e.path());
                if (row.isPresent() && unrouted.contains(row.get().name())) {
                    return row.get().name();
                }
            }
        }
        return null;
    }

    private TestResult result(TestIdentifier id, Status status, String message, String trace,
                              List<Exchange> exchanges, long millis) {
        String className = "";
        List<String> rows = List.of();
        String name = id.getDisplayName();
        TestSource source = id.getSource().orElse(null);
        if (source instanceof MethodSource m) {
            className = m.getClassName();
            rows = checkedRows(m);
        } else if (source instanceof ClassSource c) {
            className = c.getClassName();
            rows = checkedRows(c.getJavaClass(), null);
            name = "(setup of " + id.getDisplayName() + ")";
        }
        if (!id.isTest() && source instanceof ClassSource && status == Status.SKIPPED) {
            name = "(all tests of " + id.getDisplayName() + ")";
        }
        String shortClass = className.replace("dev.capi.tck." + area + ".", "").replace('$', '.');
        Set<String> touched = new LinkedHashSet<>();
        for (Exchange e : exchanges) {
            if (!e.setup()) {
                inventory.match(e.method(), e.path()).ifPresent(r -> touched.add(r.name()));
            }
        }
        return new TestResult(area, shortClass, displayName(id, name), status, message, trace, rows,
                List.copyOf(touched), exchanges, millis);
    }

    /** Parameterized cases show their method's display name before the case's. */
    private static String displayName(TestIdentifier id, String name) {
        if (id.getSource().orElse(null) instanceof MethodSource m && !name.startsWith(m.getMethodName())
                && !name.startsWith("(")) {
            return m.getMethodName() + " " + name;
        }
        return name;
    }

    private static List<String> checkedRows(MethodSource m) {
        try {
            return checkedRows(m.getJavaClass(), m.getJavaMethod());
        } catch (RuntimeException e) {
            return checkedRows(m.getJavaClass(), null);
        }
    }

    /** The rows named by {@link Checks} on the method, its class and the classes enclosing it. */
    static List<String> checkedRows(Class<?> type, AnnotatedElement method) {
        Set<String> rows = new LinkedHashSet<>();
        if (method != null && method.getAnnotation(Checks.class) != null) {
            rows.addAll(List.of(method.getAnnotation(Checks.class).value()));
        }
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            Checks checks = c.getAnnotation(Checks.class);
            if (checks != null) {
                rows.addAll(List.of(checks.value()));
            }
        }
        return List.copyOf(rows);
    }

    private static boolean isTestOrClass(TestIdentifier id) {
        return id.isTest() || id.getSource().orElse(null) instanceof ClassSource;
    }

    private static String trace(Throwable error) {
        if (error == null) {
            return null;
        }
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        StringBuilder kept = new StringBuilder();
        for (String line : out.toString().split("\n")) {
            if (line.startsWith("\tat ") && !line.contains("dev.capi.tck")) {
                continue;
            }
            kept.append(line).append('\n');
        }
        return kept.toString();
    }
}
