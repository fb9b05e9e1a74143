package dev.capi.persistence.events;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.TimestampFilter;
import dev.capi.domain.query.Visibility;
import dev.capi.model.AuditEvent;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.persistence.TestDatabases;
import dev.capi.persistence.roles.JdbiRoleRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.capi.model.RoleType.*;
import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiAuditEventRepositoryTest {
    private static final Set<RoleType> SPACE_READERS = Set.of(SPACE_AUDITOR, SPACE_DEVELOPER, SPACE_SUPPORTER);
    private static final Set<RoleType> ORG_READERS = Set.of(ORGANIZATION_AUDITOR);

    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiAuditEventRepository events;
    private JdbiRoleRepository roles;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        events = new JdbiAuditEventRepository(db.database().jdbi());
        roles = new JdbiRoleRepository(db.database().jdbi());
        insert("e1", "audit.organization.create", "o1", null, "o1", t0);
        insert("e2", "audit.space.create", "s1", "s1", "o1", t0.plusSeconds(10));
        insert("e3", "audit.space.update", "s1", "s1", "o1", t0.plusSeconds(20).plusMillis(500));
        insert("e4", "audit.organization.create", "o2", null, "o2", t0.plusSeconds(30));
        insert("e5", "audit.space.create", "s2", "s2", "o2", t0.plusSeconds(40));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private void insert(String guid, String type, String targetGuid, String space, String org, Instant at) {
        events.insert(new AuditEvent(guid, at, type, new AuditEvent.Actor("u0", "user", "admin"),
                new AuditEvent.Target(targetGuid, type.split("\\.")[1], "name-" + targetGuid),
                Map.of("request", Map.of("name", "name-" + targetGuid)), space, org));
    }

    private static ListQuery query(Map<String, List<String>> filters) {
        return new ListQuery(1, 50, OrderBy.byId(), filters, List.of(), null, Visibility.everything());
    }

    private static ListQuery timestamps(TimestampFilter... filters) {
        return new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(filters), null, Visibility.everything());
    }

    private static List<String> guids(Page<AuditEvent> page) {
        return page.resources().stream().map(AuditEvent::guid).toList();
    }

    @Test
    void storesAndReadsEveryField() {
        var e = events.find("e3").orElseThrow();
        assertThat(e).isEqualTo(new AuditEvent("e3", t0.plusSeconds(20).plusMillis(500), "audit.space.update",
                new AuditEvent.Actor("u0", "user", "admin"), new AuditEvent.Target("s1", "space", "name-s1"),
                Map.of("request", Map.of("name", "name-s1")), "s1", "o1"));
        assertThat(events.find("nope")).isEmpty();
    }

    @Test
    void filtersByTypesTargetsSpacesOrganizationsAndGuids() {
        assertThat(guids(events.list(query(Map.of("types", List.of("audit.space.create", "audit.space.update"))))))
                .containsExactly("e2", "e3", "e5");
        assertThat(guids(events.list(query(Map.of("target_guids", List.of("s1", "o2"))))))
                .containsExactly("e2", "e3", "e4");
        assertThat(guids(events.list(query(Map.of("target_guids[not]", List.of("s1", "o2"))))))
                .containsExactly("e1", "e5");
        assertThat(guids(events.list(query(Map.of("space_guids", List.of("s2")))))).containsExactly("e5");
        assertThat(guids(events.list(query(Map.of("organization_guids", List.of("o1"))))))
                .containsExactly("e1", "e2", "e3");
        assertThat(guids(events.list(query(Map.of("guids", List.of("e4", "e1")))))).containsExactly("e1", "e4");
        assertThat(guids(events.list(query(Map.of("organization_guids", List.of("o1"),
                "types", List.of("audit.space.create")))))).containsExactly("e2");
    }

    @Test
    void filtersByCreatedAndUpdatedAtsWithRelationalOperators() {
        var created = "created_at";
        assertThat(guids(events.list(timestamps(new TimestampFilter(created, TimestampFilter.Op.EQ,
                List.of(t0.plusSeconds(20), t0)))))).containsExactly("e1", "e3");
        assertThat(guids(events.list(timestamps(new TimestampFilter(created, TimestampFilter.Op.GT,
                List.of(t0.plusSeconds(20))))))).containsExactly("e4", "e5");
        assertThat(guids(events.list(timestamps(new TimestampFilter(created, TimestampFilter.Op.LTE,
                List.of(t0.plusSeconds(20))))))).containsExactly("e1", "e2", "e3");
        assertThat(guids(events.list(timestamps(
                new TimestampFilter(created, TimestampFilter.Op.GTE, List.of(t0.plusSeconds(10))),
                new TimestampFilter("updated_at", TimestampFilter.Op.LT, List.of(t0.plusSeconds(30)))))))
                .containsExactly("e2", "e3");
    }

    @Test
    void ordersByCreatedAtDescendingAndPaginates() {
        var q = new ListQuery(2, 2, new OrderBy("created_at", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        var page = events.list(q);
        assertThat(guids(page)).containsExactly("e3", "e2");
        assertThat(page.totalResults()).isEqualTo(5);
        var updated = new ListQuery(1, 2, new OrderBy("updated_at", false, true), Map.of(), List.of(), null,
                Visibility.everything());
        assertThat(guids(events.list(updated))).containsExactly("e1", "e2");
    }

    private List<String> visibleTo(String user) {
        var q = query(Map.of()).withVisibility(Visibility.of(user, SPACE_READERS, ORG_READERS));
        return guids(events.list(q));
    }

    private void role(String guid, RoleType type, String user, String org, String space) {
        roles.insert(new Role(guid, t0, t0, type, user, org, space));
    }

    @Test
    void spaceAuditorsDevelopersAndSupportersSeeTheirSpacesEvents() {
        role("r1", SPACE_AUDITOR, "sa", "o1", "s1");
        role("r2", SPACE_DEVELOPER, "sd", "o2", "s2");
        role("r3", SPACE_SUPPORTER, "ss", "o1", "s1");
        role("r4", ORGANIZATION_USER, "sa", "o1", null);
        assertThat(visibleTo("sa")).containsExactly("e2", "e3");
        assertThat(visibleTo("sd")).containsExactly("e5");
        assertThat(visibleTo("ss")).containsExactly("e2", "e3");
    }

    @Test
    void orgAuditorsSeeEveryEventOfTheirOrganization() {
        role("r1", ORGANIZATION_AUDITOR, "oa", "o2", null);
        assertThat(visibleTo("oa")).containsExactly("e4", "e5");
    }

    @Test
    void managersBillingManagersAndOrgUsersSeeNothing() {
        role("r1", SPACE_MANAGER, "sm", "o1", "s1");
        role("r2", ORGANIZATION_MANAGER, "om", "o1", null);
        role("r3", ORGANIZATION_BILLING_MANAGER, "obm", "o1", null);
        role("r4", ORGANIZATION_USER, "ou", "o1", null);
        for (String user : List.of("sm", "om", "obm", "ou", "nobody")) {
            assertThat(visibleTo(user)).as(user).isEmpty();
        }
        assertThat(guids(events.list(query(Map.of()).withVisibility(Visibility.nothing())))).isEmpty();
    }

    @Test
    void visibilityAndFiltersCombine() {
        role("r1", ORGANIZATION_AUDITOR, "oa", "o1", null);
        var q = query(Map.of("target_guids[not]", List.of("s1"))).withVisibility(
                Visibility.of("oa", SPACE_READERS, ORG_READERS));
        assertThat(guids(events.list(q))).containsExactly("e1");
    }
}
