package dev.capi.server.identity;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    @Test
    void hashesAreSaltedSelfDescribingAndVerify() {
        String h1 = PasswordHasher.hash("secret");
        String h2 = PasswordHasher.hash("secret");
        assertThat(h1).isNotEqualTo(h2).startsWith("pbkdf2-sha256$210000$").doesNotContain("secret");
        String[] parts = h1.split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(210_000);
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(PasswordHasher.matches("secret", h1)).isTrue();
        assertThat(PasswordHasher.matches("secret", h2)).isTrue();
        assertThat(PasswordHasher.matches("wrong", h1)).isFalse();
        assertThat(PasswordHasher.matches("Secret", h1)).isFalse();
        assertThat(PasswordHasher.matches("", PasswordHasher.hash(""))).isTrue();
        assertThat(PasswordHasher.matches("pässwörd €", PasswordHasher.hash("pässwörd €"))).isTrue();
    }

    @Test
    void theIterationCountIsReadFromTheStoredHash() throws Exception {
        byte[] salt = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] derived = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new javax.crypto.spec.PBEKeySpec("secret".toCharArray(), salt, 1000, 256)).getEncoded();
        String b64salt = Base64.getEncoder().encodeToString(salt);
        String b64hash = Base64.getEncoder().encodeToString(derived);
        assertThat(PasswordHasher.matches("secret", "pbkdf2-sha256$1000$" + b64salt + "$" + b64hash)).isTrue();
        assertThat(PasswordHasher.matches("secret", "pbkdf2-sha256$1001$" + b64salt + "$" + b64hash)).isFalse();
    }

    @Test
    void malformedHashesNeverMatch() {
        assertThat(PasswordHasher.matches("secret", "garbage")).isFalse();
        assertThat(PasswordHasher.matches("secret", null)).isFalse();
        assertThat(PasswordHasher.matches(null, PasswordHasher.hash("x"))).isFalse();
        assertThat(PasswordHasher.matches("secret", "pbkdf2-sha256$abc$AAAA$AAAA")).isFalse();
        assertThat(PasswordHasher.matches("secret", "pbkdf2-sha256$0$AAAA$AAAA")).isFalse();
        assertThat(PasswordHasher.matches("secret", "pbkdf2-sha256$1000$$AAAA")).isFalse();
        assertThat(PasswordHasher.matches("secret", "pbkdf2-sha256$1000$!!$AAAA")).isFalse();
        assertThat(PasswordHasher.matches("secret", "md5$1000$AAAA$AAAA")).isFalse();
    }
}
