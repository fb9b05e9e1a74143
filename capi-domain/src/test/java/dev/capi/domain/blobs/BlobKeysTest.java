package dev.capi.domain.blobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BlobKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"packages/8f1c2b9e-0000-4000-8000-000000000000", "droplets/abc/da39a3ee5e6b4b0d",
        "buildpack_cache/app/stack", "a", "a.b", "..a", "a..", "...", ".hidden/x", "sp ace/ü"})
    void validKeysAreReturnedUnchanged(String key) {
        assertThat(BlobKeys.requireValid(key)).isEqualTo(key);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"/", "/etc/passwd", "..", ".", "../x", "a/..", "a/../b", "a/../../x", "./a", "a/./b",
        "a//b", "a/", "//a", "a\\b", "..\\x", "C:\\x", "a\0b", "\0"})
    void invalidKeysAreRefused(String key) {
        assertThatIllegalArgumentException().isThrownBy(() -> BlobKeys.requireValid(key));
    }

    @Test
    void aPrefixMayEndWithOneSlash() {
        assertThat(BlobKeys.requireValidPrefix("droplets/abc/")).isEqualTo("droplets/abc");
        assertThat(BlobKeys.requireValidPrefix("droplets/abc")).isEqualTo("droplets/abc");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"/", "//", "droplets//", "../", "a/../", "/etc/"})
    void invalidPrefixesAreRefused(String prefix) {
        assertThatIllegalArgumentException().isThrownBy(() -> BlobKeys.requireValidPrefix(prefix));
    }

    @Test
    void blobInfoRefusesANegativeSize() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BlobInfo("k", -1, "a", "b"));
    }
}
