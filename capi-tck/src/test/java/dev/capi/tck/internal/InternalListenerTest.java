package dev.capi.tck.internal;

import dev.capi.tck.support.Checks;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The internal API's own listener: mutual TLS, metrics, and none of its paths on the public listener. */
@Checks({
        "DELETE /v3/organizations/:guid",
        "GET /internal/v4/asg_latest_update",
        "GET /internal/v4/staging_jobs/:guid",
        "GET /internal/v5/syslog_drain_urls",
        "POST /v3/apps",
        "POST /v3/security_groups"})
class InternalListenerTest {
    static Tck tck;
    static Cf internal;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        internal = tck.internal();
        assumeTrue(internal != null, "skipped: no internal API configured (-Dcapi.tck.internal-url ...)");
    }

    @Test
    void aClientWithTheCaSignedCertificateIsServed() {
        ApiResponse r = internal.get("/internal/v4/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.raw()).contains("# TYPE cc_requests_completed_total counter");
    }

    @Test
    void aClientWithoutACertificateIsRefusedAtTheHandshake() {
        Cf stranger = tck.internalWithoutCertificate();
        assertThatThrownBy(() -> stranger.get("/internal/v4/metrics")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed");
    }

    @Test
    void thePublicListenerServesNoInternalPath() {
        ApiResponse r = tck.admin().get("/internal/v4/metrics");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorTitle()).isEqualTo("CF-NotFound");
    }

    @Test
    void asgLatestUpdateMovesWhenASecurityGroupChanges() {
        String before = internal.get("/internal/v4/asg_latest_update").body().path("last_update").asText();
        assertThat(before).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z");
        ApiResponse created = tck.admin().post("/v3/security_groups",
                dev.capi.tck.support.Json.obj("name", Tck.unique("asg")));
        assertThat(created.status()).isEqualTo(201);
        String after = internal.get("/internal/v4/asg_latest_update").body().path("last_update").asText();
        assertThat(after).isGreaterThan(before);
    }

    @Test
    void logAccessAnswersWhetherTheTokensUserMaySeeTheApp() {
        var actors = tck.actors();
        ApiResponse app = tck.admin().post("/v3/apps", dev.capi.tck.support.Json.obj("name", Tck.unique("app"),
                "relationships", dev.capi.tck.support.Json.obj("space",
                        dev.capi.tck.support.Json.rel(actors.spaceGuid()))));
        assertThat(app.status()).isEqualTo(201);
        String path = "/internal/v4/log_access/" + app.body().path("guid").asText();
        assertThat(withToken(actors.as(dev.capi.tck.support.Role.SPACE_DEVELOPER).token()).get(path).status())
                .isEqualTo(200);
        assertThat(withToken(actors.as(dev.capi.tck.support.Role.NO_ROLE).token()).get(path).status())
                .isEqualTo(404);
        assertThat(internal.get(path).status()).isEqualTo(401);
    }

    private static Cf withToken(String token) {
        return internal.withToken(token);
    }

    @Test
    void syslogDrainUrlsComeInBatches() {
        ApiResponse r = internal.get("/internal/v5/syslog_drain_urls?batch_size=50");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("results").isArray()).isTrue();
        assertThat(r.body().has("next_id")).isTrue();
        assertThat(internal.get("/internal/v5/syslog_drain_urls?batch_size=-1").status()).isEqualTo(400);
    }

    @Test
    void stagingJobsAreReadableByTheUploader() {
        String org = tck.createOrg().path("guid").asText();
        ApiResponse delete = tck.admin().delete("/v3/organizations/" + org);
        String job = delete.header("Location").replaceAll(".*/", "");
        tck.admin().awaitJob(delete);
        ApiResponse r = internal.get("/internal/v4/staging_jobs/" + job);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("entity").path("status").asText()).isEqualTo("finished");
        assertThat(internal.get("/internal/v4/staging_jobs/nope").status()).isEqualTo(404);
    }
}
