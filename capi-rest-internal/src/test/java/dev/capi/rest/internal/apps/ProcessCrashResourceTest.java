package dev.capi.rest.internal.apps;

import dev.capi.model.AuditEvent;
import dev.capi.rest.internal.support.InternalApiServer;
import dev.capi.rest.internal.support.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.capi.rest.internal.support.Json.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class ProcessCrashResourceTest {
    private final InternalApiServer api = new InternalApiServer();
    private final Seeds seeds = new Seeds(api.domain);

    @AfterEach
    void stop() {
        api.close();
    }

    private List<AuditEvent> crashes() {
        return api.domain.auditEvents.list(null).resources().stream()
                .filter(e -> e.type().equals("audit.app.process.crash")).toList();
    }

    @Test
    void aCrashIsRecordedAsAnAuditEventOnTheApp() {
        var response = api.post("/internal/v4/apps/" + seeds.web.guid() + "-v1/crashed",
                "{\"instance\":\"i-1\",\"index\":1,\"cell_id\":\"cell-1\",\"exit_status\":137,"
                        + "\"exit_description\":\"out of memory\",\"reason\":\"CRASHED\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(crashes()).hasSize(1);
        AuditEvent event = crashes().get(0);
        assertThat(event.actor().guid()).isEqualTo(seeds.web.guid());
        assertThat(event.actor().type()).isEqualTo("process");
        assertThat(event.target().guid()).isEqualTo(seeds.app.guid());
        assertThat(event.spaceGuid()).isEqualTo(seeds.space.guid());
        assertThat(event.data()).containsEntry("index", 1).containsEntry("exit_description", "out of memory")
                .containsEntry("reason", "CRASHED");
    }

    @Test
    void anUnknownProcessIs404AndNothingIsRecorded() {
        assertError(api.post("/internal/v4/apps/no-such-process/crashed", "{\"index\":0}"), 404,
                "CF-ResourceNotFound", 10010, "Process not found");
        assertThat(crashes()).isEmpty();
    }

    @Test
    void aBodyThatIsNotAnObjectIs400() {
        assertError(api.post("/internal/v4/apps/" + seeds.web.guid() + "/crashed", "[]"), 400,
                "CF-MessageParseError", 1001, null);
        assertThat(crashes()).isEmpty();
    }
}
