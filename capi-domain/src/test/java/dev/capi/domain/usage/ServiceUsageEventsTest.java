package dev.capi.domain.usage;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.FixedRoles;
import dev.capi.domain.fakes.ImmediateTransactions;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.support.Guids;
import dev.capi.model.ServiceUsageEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceUsageEventsTest {
    private final List<ServiceUsageEvent> rows = new ArrayList<>();
    private final ServiceUsageEventRepository repository = new ServiceUsageEventRepository() {
        @Override
        public void insert(ServiceUsageEvent event) {
            rows.add(event);
        }

        @Override
        public Page<ServiceUsageEvent> list(ListQuery query) {
            return new Page<>(List.copyOf(rows), rows.size());
        }

        @Override
        public Optional<ServiceUsageEvent> find(String guid) {
            return rows.stream().filter(e -> e.guid().equals(guid)).findFirst();
        }

        @Override
        public void deleteAll() {
            rows.clear();
        }
    };
    private final Instant now = Instant.parse("2026-11-24T05:00:00Z");
    private final List<ServiceUsageEvent> instances = new java.util.ArrayList<>();
    private final ServiceUsageEvents events = new ServiceUsageEvents(repository, new ImmediateTransactions(),
            Clock.fixed(now, ZoneOffset.UTC), Guids.random(), () -> List.copyOf(instances));

    private static Permissions as(String... scopes) {
        return new Permissions(new Principal("u", "u", "uaa", "cf", Set.of(scopes)), new FixedRoles());
    }

    private static ServiceUsageEvent created(String instance) {
        return new ServiceUsageEvent(null, null, ServiceUsageEvent.CREATED, "s", "dev", "o", instance, "db",
                "managed_service_instance", "p", "small", "svc", "mysql", "b", "broker");
    }

    @Test
    void recordsWithAGuidAndTheTimeAndShowsThemToGlobalReadersOnly() {
        ServiceUsageEvent stored = events.record(created("si-1"));
        assertThat(stored.guid()).isNotBlank();
        assertThat(stored.createdAt()).isEqualTo(now);
        assertThat(events.list(as(Principal.GLOBAL_AUDITOR), ListQuery.all()).resources()).containsExactly(stored);
        assertThat(events.get(as(Principal.ADMIN_READ_ONLY), stored.guid())).isEqualTo(stored);
        assertThat(events.list(as(Principal.READ), ListQuery.all()).totalResults()).isZero();
        assertThatThrownBy(() -> events.get(as(Principal.READ), stored.guid())).isInstanceOf(CfException.class)
                .hasMessageContaining("Service usage event not found");
    }

    @Test
    void purgeReseedsOneCreatedEventPerServiceInstance() {
        events.record(created("old"));
        instances.addAll(List.of(created("si-1"), created("si-2")));
        assertThatThrownBy(() -> events.purgeAndReseed(as(Principal.ADMIN_READ_ONLY)))
                .isInstanceOf(CfException.class);
        events.purgeAndReseed(as(Principal.ADMIN));
        assertThat(rows).extracting(ServiceUsageEvent::serviceInstanceGuid).containsExactly("si-1", "si-2");
        assertThat(rows).allSatisfy(e -> assertThat(e.createdAt()).isEqualTo(now));
    }
}
