package dev.capi.tck.conventions;

import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Inventory;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus: every routed row of the inventory (public rows; internal rows that take a body) × every kind
 * of bad input that applies to it ({@link BadInputKind}), aimed at real fixtures ({@link CorpusFixtures}). Each case
 * must answer the reference's error for its kind and never a 5xx; after each row that writes, a snapshot of the
 * fixtures' state ({@link StateSnapshot}) must equal the one before it: nothing created, changed or deleted.
 */
class BadInputCorpusTest {
    /**
     * Rows that read no request body in the reference (actions, purges, cancels) or take any
     * well-formed one (a crash report): only tokens and the bodies no endpoint may accept (malformed, not UTF-8, too
     * deep, too large) go to them, since a well-formed body would rightly run the action.
     */
    static final Set<String> BODYLESS = Set.of(
            "POST /v3/admin/actions/clear_buildpack_cache",
            "POST /v3/app_usage_events/actions/destructively_purge_all_and_reseed",
            "POST /v3/service_usage_events/actions/destructively_purge_all_and_reseed",
            "POST /v3/apps/:guid/actions/start",
            "POST /v3/apps/:guid/actions/stop",
            "POST /v3/apps/:guid/actions/restart",
            "POST /v3/apps/:guid/actions/clear_buildpack_cache",
            "POST /v3/deployments/:guid/actions/cancel",
            "POST /v3/deployments/:guid/actions/continue",
            "POST /v3/tasks/:guid/actions/cancel",
            "PUT /v3/tasks/:guid/actions/cancel",
            "PUT /v3/tasks/:guid/cancel",
            "POST /internal/v4/apps/:process_guid/crashed");

    /** Lists the reference presents unpaginated, ignoring every query parameter. */
    static final Set<String> UNPAGINATED = Set.of("GET /v3/apps/:guid/features");

    static Tck tck;
    static Cf admin;
    static CorpusFixtures fixtures;
    static List<String> families;
    static StateSnapshot last;
    static final AtomicInteger cases = new AtomicInteger();
    static final Map<String, LongAdder> answers = new java.util.concurrent.ConcurrentSkipListMap<>();
    static final Map<BadInputKind, LongAdder> nanosByKind = new java.util.concurrent.ConcurrentHashMap<>();
    static List<String> rows = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        long start = System.nanoTime();
        fixtures = CorpusFixtures.create(tck);
        families = StateSnapshot.families(fixtures);
        last = StateSnapshot.take(admin, families, fixtures);
        System.out.println("bad-input corpus: fixtures in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @AfterAll
    static void summary() {
        System.out.println("bad-input corpus: " + rows.size() + " rows, " + cases + " cases; ms spent per kind: "
                + nanosByKind.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().sum() / 1_000_000)
                .toList() + "; answers: " + answers);
    }

    @TestFactory
    Stream<DynamicNode> everyRoutedRowRefusesBadInputAndChangesNothing() {
        Map<String, List<DynamicNode>> byResource = new LinkedHashMap<>();
        Map<String, Batch> batches = new LinkedHashMap<>();
        long aiming = System.nanoTime();
        for (Inventory.Row row : Inventory.bundled().rows()) {
            BadInputKind.Target target = target(row);
            if (target == null) {
                continue;
            }
            String resource = row.area() + " " + row.resource();
            Batch batch = batches.computeIfAbsent(resource, r -> new Batch());
            List<DynamicNode> tests = new ArrayList<>();
            for (BadInputKind kind : BadInputKind.values()) {
                // an oversize upload needs the target's limit, known only for the embedded server
                boolean limitKnown = kind != BadInputKind.OVERSIZE_UPLOAD || tck.buildpackMaxUploadBytes().isPresent();
                if (kind.appliesTo(target) && limitKnown) {
                    BadInputKind.Target aimed = aim(target, kind);
                    int index = batch.add(kind, aimed);
                    tests.add(DynamicTest.dynamicTest(kind.name(), () -> check(kind, aimed, batch.answer(index))));
                }
            }
            if (!tests.isEmpty()) {
                rows.add(row.name());
                byResource.computeIfAbsent(resource, r -> new ArrayList<>())
                        .add(DynamicContainer.dynamicContainer(row.name(), tests));
            }
        }
        System.out.println("bad-input corpus: rows aimed in " + (System.nanoTime() - aiming) / 1_000_000 + " ms");
        List<DynamicNode> nodes = new ArrayList<>();
        byResource.forEach((resource, rowNodes) -> {
            List<DynamicNode> children = new ArrayList<>(rowNodes);
            children.add(DynamicTest.dynamicTest("changes nothing", () -> assertNothingChanged(resource)));
            nodes.add(DynamicContainer.dynamicContainer(resource, children));
        });
        return nodes.stream();
    }

    /** The row as the corpus aims at it, or null when the server does not route it. */
    private static BadInputKind.Target target(Inventory.Row row) {
        if (!row.area().startsWith("public") && !row.internal() && !row.area().equals("experimental")) {
            return null;
        }
        String path = fixtures.fill(row);
        boolean writes = !row.method().equals("GET") && !row.method().equals("DELETE");
        if (row.internal() && (!writes || tck.internal() == null || row.name().equals("POST /internal/v4/metrics"))) {
            return null;
        }
        ApiResponse anonymous = row.internal()
                ? tck.internal().send(row.method(), row.probePath(), "{}", "application/json")
                : tck.anonymous().send(row.method(), path, writes ? "{}" : null, "application/json");
        if (anonymous.status() == 404 && anonymous.errorCode() == 10000) {
            return null;
        }
        boolean list = row.method().equals("GET") && !UNPAGINATED.contains(row.name())
                && admin.get(path).body().has("pagination");
        return new BadInputKind.Target(row.name(), row.method(), path, row.internal(), anonymous.status() == 401,
                list, !BODYLESS.contains(row.name()), row.path().endsWith("/upload"),
                !path.contains(CorpusFixtures.UNKNOWN));
    }

    /** Archive kinds fail the package they reach, so each gets an AWAITING_UPLOAD package of its own. */
    private static BadInputKind.Target aim(BadInputKind.Target t, BadInputKind kind) {
        if (!t.row().equals("POST /v3/packages/:guid/upload") || kind.group != BadInputKind.Group.UPLOAD) {
            return t;
        }
        String pkg = fixtures.freshPackages.get(kind.ordinal() % fixtures.freshPackages.size());
        return new BadInputKind.Target(t.row(), t.method(), "/v3/packages/" + pkg + "/upload", t.internal(),
                t.requiresAuth(), t.list(), t.readsBody(), t.upload(), true);
    }

    /**
     * The cases of one resource family, sent four at a time when its first test runs (they all aim at fixtures that
     * must stay as they are, so their order does not matter); its snapshot is compared after all of them.
     */
    private static final class Batch {
        private final List<Callable<ApiResponse>> cases = new ArrayList<>();
        private List<Future<ApiResponse>> answers;

        int add(BadInputKind kind, BadInputKind.Target t) {
            cases.add(() -> send(kind, t));
            return cases.size() - 1;
        }

        synchronized ApiResponse answer(int index) throws Exception {
            if (answers == null) {
                answers = CASES.invokeAll(cases);
            }
            return answers.get(index).get();
        }
    }

    private static final ExecutorService CASES = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "bad-input-case");
        t.setDaemon(true);
        return t;
    });

    private static void check(BadInputKind kind, BadInputKind.Target t, ApiResponse r) {
        assertThat(kind.violation(t, r)).as(kind + " " + t.method() + " " + t.path() + " → " + abbreviated(r))
                .isNull();
    }

    private static ApiResponse send(BadInputKind kind, BadInputKind.Target t) {
        long start = System.nanoTime();
        cases.incrementAndGet();
        ApiResponse r = kind.send(t, admin.token(), new BadInputKind.Send() {
            @Override
            public ApiResponse bytes(BadInputKind.Target target, String token, String method, String path,
                                     byte[] body, String contentType) {
                Cf client = target.internal() ? tck.internal() : tck.withToken(token);
                return body == null ? client.send(method, path, null, null)
                        : client.sendBytes(method, path, body, contentType);
            }

            @Override
            public long uploadLimit() {
                return tck.buildpackMaxUploadBytes().orElseThrow();
            }
        });
        nanosByKind.computeIfAbsent(kind, k -> new LongAdder()).add(System.nanoTime() - start);
        answers.computeIfAbsent(kind.group + " " + r.status() + " " + r.errorTitle(), k -> new LongAdder()).increment();
        if (kind.group == BadInputKind.Group.FIELDS && r.status() != 422 && r.status() != 404 || kind.group
                == BadInputKind.Group.QUERY && t.list() && r.status() != 400) {
            System.out.println("bad-input corpus: " + kind + " " + t.row() + " -> " + abbreviated(r));
        }
        return r;
    }

    private static void assertNothingChanged(String what) {
        StateSnapshot now = StateSnapshot.take(admin, families, fixtures);
        List<String> changes = now.changesSince(last, fixtures.guids()).stream().filter(c -> !expected(what, c)).toList();
        last = now;
        assertThat(changes).as("state changed by " + what).isEmpty();
    }

    /** The archive kinds fail their own fresh packages (and record the upload's audit event), as the reference. */
    private static boolean expected(String resource, String change) {
        if (!resource.endsWith(" Packages")) {
            return false;
        }
        return change.startsWith("changed /v3/audit_events") || change.startsWith("created /v3/audit_events")
                || change.startsWith("deleted /v3/audit_events")
                || fixtures.freshPackages.stream().anyMatch(p -> change.startsWith("changed /v3/packages " + p)
                        && change.contains("\"state\":\"FAILED\""));
    }

    private static String abbreviated(ApiResponse r) {
        String s = r.toString();
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
