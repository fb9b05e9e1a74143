package dev.capi.rest.v3.spaces;

import dev.capi.model.Metadata;
import dev.capi.model.Space;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SpacePresenterTest {
    private final Links links = new Links("https://api.example.org/");
    private final Instant t0 = Instant.parse("2026-01-02T03:04:05.123456Z");

    @Test
    void presentsTheWholeDocumentInTheReferencesKeyOrder() {
        var space = new Space("s1", t0, t0.plusSeconds(60), "dev", "o1", false, true, null, null,
                new Metadata(Map.of("tier", "gold"), Map.of("note", "x")));
        assertThat(JsonSupport.write(SpacePresenter.present(space, links))).isEqualTo("""
                {"guid":"s1","created_at":"2026-01-02T03:04:05Z","updated_at":"2026-01-02T03:05:05Z",\
                "name":"dev","suspended":false,\
                "relationships":{"organization":{"data":{"guid":"o1"}},"quota":{"data":null}},\
                "metadata":{"labels":{"tier":"gold"},"annotations":{"note":"x"}},\
                "links":{"self":{"href":"https://api.example.org/v3/spaces/s1"},\
                "organization":{"href":"https://api.example.org/v3/organizations/o1"},\
                "features":{"href":"https://api.example.org/v3/spaces/s1/features"},\
                "apply_manifest":{"href":"https://api.example.org/v3/spaces/s1/actions/apply_manifest",\
                "method":"POST"}}}""");
    }

    @Test
    void aQuotaAddsItsRelationshipAndLink() {
        var space = new Space("s1", t0, t0, "dev", "o1", true, true, "q1", null, Metadata.empty());
        var node = SpacePresenter.present(space, links);
        assertThat(node.path("suspended").asBoolean()).isTrue();
        assertThat(node.path("relationships").path("quota").path("data").path("guid").asText()).isEqualTo("q1");
        assertThat(node.path("links").path("quota").path("href").asText())
                .isEqualTo("https://api.example.org/v3/space_quotas/q1");
    }

    @Test
    void theSshFeature() {
        assertThat(JsonSupport.write(SpacePresenter.feature("ssh", false))).isEqualTo(
                "{\"name\":\"ssh\",\"description\":\"Enable SSHing into apps in the space.\",\"enabled\":false}");
    }
}
