package dev.capi.rest.internal.securitygroups;

import dev.capi.rest.internal.support.InternalApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.capi.rest.internal.support.Json.body;
import static org.assertj.core.api.Assertions.assertThat;

class AsgLatestUpdateResourceTest {
    private final InternalApiServer api = new InternalApiServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void answersTheLastChangeWithNanoseconds() {
        api.domain.securityGroups.renewLatestUpdate(Instant.parse("2026-03-04T05:06:07.123456789Z"));

        var response = api.get("/internal/v4/asg_latest_update");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("last_update").asText()).isEqualTo("2026-03-04T05:06:07.123456789Z");
    }

    @Test
    void aNewChangeMovesTheAnswer() {
        api.domain.securityGroups.renewLatestUpdate(Instant.parse("2026-03-04T05:06:07Z"));
        var before = body(api.get("/internal/v4/asg_latest_update")).get("last_update").asText();
        api.domain.securityGroups.renewLatestUpdate(Instant.parse("2026-03-05T00:00:00Z"));

        assertThat(before).isEqualTo("2026-03-04T05:06:07.000000000Z");
        assertThat(body(api.get("/internal/v4/asg_latest_update")).get("last_update").asText())
                .isEqualTo("2026-03-05T00:00:00.000000000Z");
    }
}
