package dev.capi.server.ratelimit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitedPathsTest {

    @ParameterizedTest
    @CsvSource({"'', false", "/, false", "v3, false", "/v3, false", "v2/info, false", "healthz, false",
            "internal/v4/staging_jobs, false", "uaa/oauth/token, false", "uaa, false",
            "v3/, true", "v3/info, true", "v3/apps, true", "v2/apps, true", "nothing-here, true", "uaax, true"})
    void countsEverythingButTheRootDocumentsAndInternalPaths(String path, boolean counted) {
        assertThat(RateLimitedPaths.counted(path)).isEqualTo(counted);
    }

    @ParameterizedTest
    @CsvSource({"'Basic YWRtaW46YWRtaW4=', true", "'basic x', true", "'bearer abc', false", "'Basicx', false"})
    void recognisesBasicAuthentication(String header, boolean basic) {
        assertThat(RateLimitedPaths.basicAuthentication(header)).isEqualTo(basic);
    }
}
