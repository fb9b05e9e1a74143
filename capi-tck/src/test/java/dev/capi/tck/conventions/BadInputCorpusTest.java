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
    static int cases;
    static List<String> rows = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        fixtures = CorpusFixtures.create(tck);
        families = StateSnapshot.families(fixtures);
        last = StateSnapshot.take(admin, families);
    }

    @AfterAll
    static void summary() {
        System.out.println("bad-input corpus: " + rows.size() + " rows, " + cases + " cases");
    }

    @TestFactory
    Stream<DynamicNode> everyRoutedRowRefusesBadInputAndChangesNothing() {
        Map<String, List<DynamicNode>> byResource = new LinkedHashMap<>();
        for (Inventory.Row row : Inventory.bundled().rows()) {
            BadInputKind.Target target = target(row);
            if (target == null) {
                continue;
            }
            List<DynamicNode> tests = new ArrayList<>();
            for (BadInputKind kind : BadInputKind.values()) {
                if (kind.appliesTo(target)) {
                    BadInputKind.Target aimed = aim(target, kind);
                    tests.add(DynamicTest.dynamicTest(kind.name(), () -> run(kind, aimed)));
                }
            }
            if (!tests.isEmpty()) {
                rows.add(row.name());
                byResource.computeIfAbsent(row.area() + " " + row.resource(), r -> new ArrayList<>())
                        .add(DynamicContainer.dynamicContainer(row.name(), tests));
            }
        }
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

    private static void run(BadInputKind kind, BadInputKind.Target t) {
        cases++;
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
                return tck.buildpackMaxUploadBytes().orElse(1024 * 1024);
            }
        });
        assertThat(kind.violation(t, r)).as(kind + " " + t.method() + " " + t.path() + " → " + abbreviated(r))
                .isNull();
    }

    private static void assertNothingChanged(String what) {
        StateSnapshot now = StateSnapshot.take(admin, families);
        List<String> changes = now.changesSince(last).stream().filter(c -> !expected(what, c)).toList();
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
