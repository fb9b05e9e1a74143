package dev.capi.persistence.identity;

import dev.capi.domain.identity.Account;
import dev.capi.persistence.Database;
import dev.capi.persistence.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The account store on H2 and (when {@code CAPI_TEST_POSTGRES_URL} is set) PostgreSQL, schema by Liquibase. */
@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiAccountStoreTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiAccountStore store;
    private final Instant t0 = Instant.parse("2026-03-01T10:15:30.123Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        store = new JdbiAccountStore(db.database().jdbi());
    }

    @AfterEach
    void tearDown() {
        if (db != null) { // null when PostgreSQL is not configured and the test was skipped
            db.close();
        }
    }

    private static Account account(String guid, String username, String origin, Instant createdAt, String... groups) {
        return new Account(guid, username, origin, username + "@example.org", "pbkdf2-sha256$1$c2FsdA==$aGFzaA==",
                Set.of(groups), createdAt);
    }

    @Test
    void createdAccountsAreFoundByGuidAndUsername() {
        Account alice = account("g-alice", "alice", "uaa", t0, "openid", "cloud_controller.read");
        store.create(alice);

        assertThat(store.findByGuid("g-alice")).contains(alice);
        assertThat(store.findByUsername("alice", "uaa")).contains(alice);
        assertThat(store.findByUsername("alice", "ldap")).isEmpty();
        assertThat(store.findByUsername("bob", "uaa")).isEmpty();
        assertThat(store.findByGuid("nope")).isEmpty();
        Account read = store.findByGuid("g-alice").orElseThrow();
        assertThat(read.createdAt()).isEqualTo(t0);
        assertThat(read.groups()).containsExactlyInAnyOrder("openid", "cloud_controller.read");
        assertThat(read.passwordHash()).isEqualTo(alice.passwordHash());
    }

    @Test
    void searchMatchesTheWholeUsernameInAnyOrOneOrigin() {
        store.create(account("g1", "alice", "uaa", t0));
        store.create(account("g2", "alice", "ldap", t0.plusSeconds(1)));
        store.create(account("g3", "alice2", "uaa", t0.plusSeconds(2)));
        store.create(account("g4", "bob", "uaa", t0.plusSeconds(3)));

        assertThat(store.search("alice", null)).extracting(Account::guid).containsExactly("g1", "g2");
        assertThat(store.search("alice", "ldap")).extracting(Account::guid).containsExactly("g2");
        assertThat(store.search("ali", null)).isEmpty();
        assertThat(store.search("ali%", null)).isEmpty();
        assertThat(store.search("ALICE", "uaa")).extracting(Account::guid).containsExactly("g1");
        assertThat(store.list()).extracting(Account::guid).containsExactly("g1", "g2", "g3", "g4");
    }

    @Test
    void anExactCaseMatchComesFirst() {
        store.create(account("g1", "Alice", "uaa", t0));
        store.create(account("g2", "alice", "uaa", t0));
        assertThat(store.findByUsername("alice", "uaa")).map(Account::guid).contains("g2");
        assertThat(store.findByUsername("Alice", "uaa")).map(Account::guid).contains("g1");
    }

    @Test
    void usernamesAreUniquePerOriginAndGuidsAreUnique() {
        store.create(account("g1", "alice", "uaa", t0));
        assertThatThrownBy(() -> store.create(account("g2", "alice", "uaa", t0))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> store.create(account("g1", "carol", "uaa", t0))).isInstanceOf(RuntimeException.class);
        store.create(account("g3", "alice", "ldap", t0));
        assertThat(store.list()).extracting(Account::guid).containsExactly("g1", "g3");
    }

    @Test
    void updateReplacesCredentialsAndGroupsButNotTheCreationTime() {
        store.create(account("g1", "alice", "uaa", t0, "openid"));
        Account changed = new Account("g1", "alice", "uaa", "new@example.org", "other-hash",
                Set.of("cloud_controller.admin", "scim.write"), t0.plusSeconds(99));
        store.update(changed);

        Account read = store.findByGuid("g1").orElseThrow();
        assertThat(read.email()).isEqualTo("new@example.org");
        assertThat(read.passwordHash()).isEqualTo("other-hash");
        assertThat(read.groups()).containsExactlyInAnyOrder("cloud_controller.admin", "scim.write");
        assertThat(read.createdAt()).isEqualTo(t0);
    }

    @Test
    void deleteRemovesOnlyThatAccount() {
        store.create(account("g1", "alice", "uaa", t0));
        store.create(account("g2", "bob", "uaa", t0));
        store.delete("g1");
        store.delete("missing");
        assertThat(store.findByGuid("g1")).isEmpty();
        assertThat(store.list()).extracting(Account::guid).containsExactly("g2");
    }

    @Test
    void accountsWithoutPasswordOrGroupsRoundTrip() {
        Account bare = new Account("g1", "sso-user", "saml", null, null, Set.of(), t0);
        store.create(bare);
        assertThat(store.findByGuid("g1")).contains(bare);
    }

    @Test
    void creationTimesDoNotDependOnTheJvmTimeZone() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            store.create(account("g1", "alice", "uaa", t0));
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            assertThat(store.findByGuid("g1").orElseThrow().createdAt()).isEqualTo(t0);
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void worksOnAPlainJdbiWithoutTheProjectsTimeColumns() {
        if (target != TestDatabases.H2) {
            return; // one database is enough: this is about the Jdbi configuration, not the SQL dialect
        }
        String url = "jdbc:h2:mem:capi-plain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Database migrated = Database.open(url, "sa", "", 1)) {
            var plain = new JdbiAccountStore(Jdbi.create(url, "sa", ""));
            plain.create(account("g1", "alice", "uaa", t0, "openid"));
            assertThat(plain.search("alice", null)).extracting(Account::createdAt).containsExactly(t0);
            assertThat(plain.findByUsername("alice", "uaa")).isPresent();
            assertThat(new JdbiAccountStore(migrated.jdbi()).findByGuid("g1")).isPresent();
        }
    }
}
