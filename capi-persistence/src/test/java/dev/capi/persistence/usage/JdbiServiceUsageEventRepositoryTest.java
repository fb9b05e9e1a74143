package dev.capi.persistence.usage;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Visibility;
import dev.capi.model.ServiceUsageEvent;
import dev.capi.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiServiceUsageEventRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiServiceUsageEventRepository events;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        events = new JdbiServiceUsageEventRepository(db.database().jdbi());
        events.insert(event("e1", "managed_service_instance", "offering-a"));
        events.insert(event("e2", "user_provided_service_instance", null));
        events.insert(event("e3", "managed_service_instance", "offering-b"));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private ServiceUsageEvent event(String guid, String type, String offering) {
        return new ServiceUsageEvent(guid, t0, ServiceUsageEvent.CREATED, "space", "dev", "org", "si-" + guid,
                "db", type, "plan", "small", offering, "mysql", "broker", "b");
    }

    private static ListQuery query(Map<String, List<String>> filters) {
        return new ListQuery(1, 50, OrderBy.byId(), filters, List.of(), null, Visibility.everything());
    }

    @Test
    void filtersByAfterGuidTypeAndOffering() {
        assertThat(events.list(query(Map.of("after_guid", List.of("e1")))).resources())
                .extracting(ServiceUsageEvent::guid).containsExactly("e2", "e3");
        assertThat(events.list(query(Map.of("service_instance_types", List.of("managed_service_instance"))))
                .resources()).extracting(ServiceUsageEvent::guid).containsExactly("e1", "e3");
        assertThat(events.list(query(Map.of("service_offering_guids", List.of("offering-b")))).resources())
                .extracting(ServiceUsageEvent::guid).containsExactly("e3");
    }

    @Test
    void findsAndPurges() {
        var e1 = events.find("e1").orElseThrow();
        assertThat(e1.serviceBrokerName()).isEqualTo("b");
        assertThat(e1.createdAt()).isEqualTo(t0);
        events.deleteAll();
        assertThat(events.list(query(Map.of())).totalResults()).isZero();
    }
}
