package dev.capi.persistence.identity;

import dev.capi.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared signing keys on H2 and (when configured) PostgreSQL: the first key stored under a name stays. */
@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiSigningKeyStoreTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;

    @BeforeEach
    void setUp() {
        db = target.open();
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void theFirstKeyStoredUnderANameWinsAndEveryStoreReadsIt() {
        var nodeA = new JdbiSigningKeyStore(db.database().jdbi(), Clock.systemUTC());
        var nodeB = new JdbiSigningKeyStore(db.database().jdbi(), Clock.systemUTC());
        assertThat(nodeA.find("token-signing")).isEmpty();
        assertThat(nodeA.storeIfAbsent("token-signing", "{\"kid\":\"a\"}")).isEqualTo("{\"kid\":\"a\"}");
        assertThat(nodeB.storeIfAbsent("token-signing", "{\"kid\":\"b\"}")).isEqualTo("{\"kid\":\"a\"}");
        assertThat(nodeB.find("token-signing")).contains("{\"kid\":\"a\"}");
    }
}
