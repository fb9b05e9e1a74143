package dev.capi.domain.servicebindings;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** VCAP_SERVICES groups an app's bindings by offering label with the reference's fields. */
class VcapServicesTest {
    @Test
    void bindingsAreGroupedByLabelWithTheReferencesFields() {
        var ups = new BoundService("b1", null, Map.of("uri", "x"), "syslog://d", null, "i1", "my-ups", true,
                List.of("t1"), null, null, List.of(), null);
        var db = new BoundService("b2", "primary", Map.of("pw", "s"), null,
                List.of(Map.of("container_dir", "/data", "mode", "rw", "device_type", "shared", "device",
                        Map.of("volume_id", "secret"))), "i2", "my-db", false, List.of("mine", "sql"), "tck-db",
                null, List.of("sql", "relational"), "small");
        var vcap = new VcapServices(app -> List.of(ups, db)).of("app");

        assertThat(vcap.keySet()).containsExactly("user-provided", "tck-db");
        @SuppressWarnings("unchecked")
        Map<String, Object> u = ((List<Map<String, Object>>) vcap.get("user-provided")).get(0);
        assertThat(u.keySet()).containsExactly("label", "name", "tags", "instance_guid", "instance_name",
                "binding_guid", "binding_name", "credentials", "syslog_drain_url", "volume_mounts");
        assertThat(u).containsEntry("name", "my-ups").containsEntry("binding_name", null)
                .containsEntry("tags", List.of("t1")).containsEntry("volume_mounts", List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> d = ((List<Map<String, Object>>) vcap.get("tck-db")).get(0);
        assertThat(d.keySet()).containsExactly("label", "provider", "plan", "name", "tags", "instance_guid",
                "instance_name", "binding_guid", "binding_name", "credentials", "syslog_drain_url", "volume_mounts");
        assertThat(d).containsEntry("name", "primary").containsEntry("plan", "small").containsEntry("provider", null)
                .containsEntry("tags", List.of("sql", "relational", "mine"))
                .containsEntry("volume_mounts", List.of(Map.of("container_dir", "/data", "mode", "rw",
                        "device_type", "shared")));
    }

    @Test
    void anAppWithoutBindingsHasAnEmptyObject() {
        assertThat(new VcapServices(app -> List.of()).of("app")).isEmpty();
    }
}
