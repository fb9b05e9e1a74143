package dev.capi.persistence;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaFingerprintTest {
    @Test
    void isTheSameForTheSameChangelogsAndCoversEveryChangeFile() {
        var first = SchemaFingerprint.of(Database.class.getClassLoader());
        assertThat(first).isPresent();
        assertThat(first.get()).hasSize(64);
        assertThat(SchemaFingerprint.of(Database.class.getClassLoader())).isEqualTo(first);
    }

    @Test
    void aMigrationRecordsTheFingerprintAndALaterOpenFindsTheSchemaComplete() {
        String url = "jdbc:h2:mem:capi-fingerprint-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String fingerprint = SchemaFingerprint.of(Database.class.getClassLoader()).orElseThrow();
        try (Database first = Database.open(url, "sa", "", 1)) {
            assertThat(fingerprints(first)).containsExactly(fingerprint);
            // a second open on the migrated schema skips Liquibase and leaves the record as it is
            try (Database second = Database.open(url, "sa", "", 1)) {
                assertThat(fingerprints(second)).containsExactly(fingerprint);
                int counters = second.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM request_counts")
                        .mapTo(Integer.class).one());
                assertThat(counters).isZero();
            }
        }
    }

    @Test
    void aSchemaWithAnOtherFingerprintIsMigratedByLiquibaseAndRecorded() {
        String url = "jdbc:h2:mem:capi-fingerprint-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Database first = Database.open(url, "sa", "", 1)) {
            first.jdbi().useHandle(h -> h.execute("UPDATE schema_fingerprints SET fingerprint = 'older'"));
            try (Database second = Database.open(url, "sa", "", 1)) {
                assertThat(fingerprints(second)).hasSize(2).contains("older");
            }
        }
    }

    private static List<String> fingerprints(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT fingerprint FROM schema_fingerprints ORDER BY fingerprint")
                .mapTo(String.class).list());
    }
}
