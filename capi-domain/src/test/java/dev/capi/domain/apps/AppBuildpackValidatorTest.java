package dev.capi.domain.apps;

import dev.capi.model.Buildpack;
import dev.capi.model.Metadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which texts the reference takes for buildpack URLs, and the problems of unknown names. */
class AppBuildpackValidatorTest {
    private final AppBuildpackValidator validator = new AppBuildpackValidator((names, lifecycle) -> List.of(
            new Buildpack("g", Instant.EPOCH, Instant.EPOCH, "ruby", null, lifecycle, 1, true, false, "r.zip", "k",
                    null, Metadata.empty())));

    @ParameterizedTest(name = "{0} ({1}): {2}")
    @CsvSource({
            "https://github.com/cloudfoundry/ruby-buildpack, buildpack, true",
            "http://example.com/bp.zip, buildpack, true",
            "git://github.com:cloudfoundry/go-buildpack.git, buildpack, true",
            "git@github.com:cloudfoundry/go-buildpack.git, buildpack, true",
            "ssh://git@github.com:cloudfoundry/go-buildpack.git, buildpack, true",
            "ruby_buildpack, buildpack, false",
            "not a url, buildpack, false",
            "https://example.com/cnb.tgz, cnb, true",
            "docker://paketobuildpacks/nodejs, cnb, true",
            "git://github.com:x/y.git, cnb, false",
            "paketo-buildpacks/nodejs, cnb, false"})
    void recognisesBuildpackUrlsAsTheReference(String candidate, String lifecycle, boolean url) {
        assertThat(AppBuildpackValidator.isBuildpackUri(candidate, lifecycle)).isEqualTo(url);
    }

    @Test
    void namesEveryUnknownBuildpackThenTheUnknownStack() {
        assertThat(validator.problems("buildpack", List.of("ruby", "https://x.example/bp", "go"), "cflinuxfs4", true))
                .containsExactly("Buildpack \"go\" for stack \"cflinuxfs4\" must be an existing admin buildpack or a"
                        + " valid git URI");
        assertThat(validator.problems("buildpack", List.of("go"), null, false)).containsExactly(
                "Buildpack \"go\" must be an existing admin buildpack or a valid git URI",
                "Stack must be an existing stack");
        assertThat(validator.problems("buildpack", null, "cflinuxfs4", true)).isEmpty();
    }
}
