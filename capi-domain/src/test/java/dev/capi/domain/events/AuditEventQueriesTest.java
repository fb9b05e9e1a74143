package dev.capi.domain.events;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.FixedRoles;
import dev.capi.domain.fakes.ImmediateTransactions;
import dev.capi.domain.fakes.InMemoryAuditEventLog;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Visibility;
import dev.capi.model.AuditEvent;
import dev.capi.model.RoleType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.capi.model.RoleType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Event visibility as behaviour.md §6 states it, role by role, for one space event and one org event. */
class AuditEventQueriesTest {
    private final InMemoryAuditEventLog log = new InMemoryAuditEventLog();
    private final AuditEventQueries queries = new AuditEventQueries(log, new ImmediateTransactions());
    private final FixedRoles roles = new FixedRoles();

    @BeforeEach
    void recordEvents() {
        var counter = new AtomicInteger();
        var events = new AuditEvents(log, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                () -> "e" + counter.incrementAndGet());
        var actor = new AuditEvent.Actor("admin", "user", "admin");
        events.record("audit.space.update", actor, new AuditEvent.Target("s1", "space", "dev"), "s1", "o1", Map.of());
        events.record("audit.organization.update", actor, new AuditEvent.Target("o1", "organization", "org"), null,
                "o1", Map.of());
        events.record("audit.organization.update", actor, new AuditEvent.Target("o2", "organization", "other"), null,
                "o2", Map.of());
    }

    private Permissions user(String guid) {
        return new Permissions(new Principal(guid, guid, "uaa", "cf", Set.of(Principal.READ)), roles);
    }

    private Permissions global(String scope) {
        return new Permissions(new Principal("g", "g", "uaa", "cf", Set.of(scope)), roles);
    }

    private List<String> visible(Permissions perms) {
        List<String> guids = new ArrayList<>();
        for (String guid : List.of("e1", "e2", "e3")) {
            try {
                guids.add(queries.get(perms, guid).guid());
            } catch (CfException e) {
                assertThat(e.kind()).isEqualTo(CfError.ResourceNotFound);
                assertThat(e.detail()).isEqualTo("Event not found");
            }
        }
        return guids;
    }

    @Test
    void globalReadersSeeEveryEvent() {
        for (String scope : List.of(Principal.ADMIN, Principal.ADMIN_READ_ONLY, Principal.GLOBAL_AUDITOR)) {
            assertThat(visible(global(scope))).containsExactly("e1", "e2", "e3");
            assertThat(global(scope).eventVisibility()).isEqualTo(Visibility.everything());
        }
    }

    @Test
    void spaceAuditorsDevelopersAndSupportersSeeTheirSpacesEventsOnly() {
        for (RoleType type : List.of(SPACE_AUDITOR, SPACE_DEVELOPER, SPACE_SUPPORTER)) {
            roles.org(type.wireName(), ORGANIZATION_USER, "o1").space(type.wireName(), type, "o1", "s1");
            assertThat(visible(user(type.wireName()))).as(type.wireName()).containsExactly("e1");
        }
    }

    @Test
    void orgAuditorsSeeEveryEventOfTheirOrganization() {
        roles.org("oa", ORGANIZATION_AUDITOR, "o1");
        assertThat(visible(user("oa"))).containsExactly("e1", "e2");
    }

    @Test
    void managersBillingManagersAndOrgUsersSeeNone() {
        roles.org("om", ORGANIZATION_MANAGER, "o1").org("obm", ORGANIZATION_BILLING_MANAGER, "o1")
                .org("ou", ORGANIZATION_USER, "o1")
                .org("sm", ORGANIZATION_USER, "o1").space("sm", SPACE_MANAGER, "o1", "s1");
        for (String user : List.of("om", "obm", "ou", "sm", "stranger")) {
            assertThat(visible(user(user))).as(user).isEmpty();
        }
    }

    @Test
    void theListCarriesTheEventVisibilityToTheRepository() {
        queries.list(user("u9"), ListQuery.all());
        assertThat(log.lastQuery().visibility()).isEqualTo(Visibility.of("u9",
                EnumSet.of(SPACE_AUDITOR, SPACE_DEVELOPER, SPACE_SUPPORTER), EnumSet.of(ORGANIZATION_AUDITOR)));
        queries.list(global(Principal.GLOBAL_AUDITOR), ListQuery.all());
        assertThat(log.lastQuery().visibility()).isEqualTo(Visibility.everything());
    }

    @Test
    void anUnknownGuidIsNotFound() {
        assertThatThrownBy(() -> queries.get(global(Principal.ADMIN), "nope")).hasMessageContaining("Event not found");
    }
}
