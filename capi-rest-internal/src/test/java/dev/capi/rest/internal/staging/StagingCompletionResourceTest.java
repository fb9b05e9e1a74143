package dev.capi.rest.internal.staging;

import dev.capi.model.AppPackage;
import dev.capi.model.Build;
import dev.capi.model.Droplet;
import dev.capi.rest.internal.support.InternalApiServer;
import dev.capi.rest.internal.support.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.capi.rest.internal.support.Json.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class StagingCompletionResourceTest {
    private static final String RESULT = "{\"lifecycle_type\":\"buildpack\",\"process_types\":{\"web\":\"bundle exec "
            + "rackup\",\"worker\":\"sidekiq\"},\"execution_metadata\":\"meta\",\"lifecycle_metadata\":{\"buildpacks\":"
            + "[{\"key\":\"ruby-key\",\"name\":\"ruby_buildpack\"}],\"detected_buildpack\":\"ruby\"}}";
    private final InternalApiServer api = new InternalApiServer();
    private final Seeds seeds = new Seeds(api.domain);
    private final AppPackage pkg = seeds.bitsPackage(AppPackage.READY, "packages/p");
    private final Build build = seeds.stagingBuild(pkg);
    private final Droplet droplet = seeds.droplet(Droplet.STAGING, build.guid(), pkg.guid());

    @AfterEach
    void stop() {
        api.close();
    }

    private Build build() {
        return api.domain.builds.find(build.guid()).orElseThrow();
    }

    private Droplet droplet() {
        return api.domain.droplets.find(droplet.guid()).orElseThrow();
    }

    private String completed(String kind) {
        return "/internal/v3/staging/" + build.guid() + "/" + kind;
    }

    private List<String> auditTypes() {
        return api.domain.auditEvents.list(null).resources().stream().map(e -> e.type()).toList();
    }

    @Test
    void aSuccessfulStagingStagesTheBuildAndItsDroplet() {
        var response = api.post(completed("build_completed"), "{\"failed\":false,\"result\":"
                + dev.capi.rest.internal.support.InternalJson.MAPPER.getNodeFactory().textNode(RESULT) + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(build().state()).isEqualTo(Build.STAGED);
        assertThat(droplet().state()).isEqualTo(Droplet.STAGED);
        assertThat(droplet().processTypes()).isEqualTo(Map.of("web", "bundle exec rackup", "worker", "sidekiq"));
        assertThat(droplet().buildpacks()).containsExactly("ruby_buildpack");
        assertThat(droplet().executionMetadata()).isEqualTo("meta");
        assertThat(auditTypes()).contains("audit.app.build.staged");
    }

    @Test
    void theLegacyDropletCompletedTakesTheResultAsAnObject() {
        var response = api.post(completed("droplet_completed"), "{\"result\":" + RESULT + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(build().state()).isEqualTo(Build.STAGED);
        assertThat(droplet().processTypes()).containsEntry("web", "bundle exec rackup");
    }

    @Test
    void aFailedStagingFailsTheBuildAndTheDropletWithTheReason() {
        var response = api.post(completed("build_completed"),
                "{\"failed\":true,\"failure_reason\":\"Exited with status 222\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(build().state()).isEqualTo(Build.FAILED);
        assertThat(build().error())
                .isEqualTo("NoAppDetectedError - An app was not successfully detected by any available buildpack");
        assertThat(droplet().state()).isEqualTo(Droplet.FAILED);
        assertThat(auditTypes()).contains("audit.app.build.failed");
    }

    @Test
    void theLegacyErrorDocumentFailsTheBuild() {
        var response = api.post(completed("droplet_completed"),
                "{\"error\":{\"id\":\"StagingError\",\"message\":\"buildpack compile failed\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(build().state()).isEqualTo(Build.FAILED);
        assertThat(build().error()).startsWith("StagingError - ");
    }

    @Test
    void aResultThatIsNotJsonOrNoResultIs400InvalidRequest() {
        assertError(api.post(completed("build_completed"), "{\"failed\":false,\"result\":\"{not json\"}"), 400,
                "CF-InvalidRequest", 10004, "The request is invalid");
        assertError(api.post(completed("build_completed"), "{}"), 400, "CF-InvalidRequest", 10004, null);
        assertThat(build().state()).isEqualTo(Build.STAGING);
    }

    @Test
    void anAlreadyCompletedBuildCannotCompleteAgain() {
        api.post(completed("build_completed"), "{\"failed\":true,\"failure_reason\":\"Exited with status 223\"}");

        var again = api.post(completed("build_completed"), "{\"result\":" + RESULT + "}");

        assertThat(again.statusCode()).isBetween(400, 499);
        assertThat(build().state()).isEqualTo(Build.FAILED);
        assertThat(build().error()).startsWith("BuildpackCompileFailed - ");
    }

    @Test
    void anUnknownBuildIs404AndOtherKindsAreUnknownPaths() {
        assertError(api.post("/internal/v3/staging/no-such-build/build_completed", "{\"failed\":true}"), 404,
                "CF-ResourceNotFound", 10010, "Build not found");
        assertError(api.post("/internal/v3/staging/" + build.guid() + "/task_completed", "{\"failed\":true}"), 404,
                "CF-NotFound", 10000, null);
    }
}
