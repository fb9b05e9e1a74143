package dev.capi.server.identity;

import dev.capi.domain.identity.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScimFilterTest {
    private final InMemoryAccountStore store = new InMemoryAccountStore();

    @BeforeEach
    void accounts() {
        add("g1", "alice", "uaa");
        add("g2", "alice", "ldap");
        add("g3", "bob", "uaa");
        add("g4", "we\"ird", "uaa");
    }

    private void add(String guid, String username, String origin) {
        store.create(new Account(guid, username, origin, null, null, Set.of(), Instant.EPOCH));
    }

    private java.util.List<String> select(String filter) {
        return ScimFilter.parse(filter).select(store).stream().map(Account::guid).toList();
    }

    @Test
    void userNameAndOriginAndId() {
        assertThat(select("userName eq \"alice\"")).containsExactly("g1", "g2");
        assertThat(select("userName eq \"alice\" and origin eq \"ldap\"")).containsExactly("g2");
        assertThat(select("origin eq \"uaa\"")).containsExactly("g1", "g3", "g4");
        assertThat(select("id eq \"g3\"")).containsExactly("g3");
        assertThat(select("id eq \"g3\" and origin eq \"ldap\"")).isEmpty();
        assertThat(select("userName eq \"nobody\"")).isEmpty();
        assertThat(select("userName eq \"ali\"")).isEmpty();
    }

    @Test
    void operatorsAndAttributesAreCaseInsensitiveAndSoIsTheUserName() {
        assertThat(select("USERNAME EQ \"ALICE\" AND Origin Eq \"uaa\"")).containsExactly("g1");
        assertThat(select("username eq \"Bob\"")).containsExactly("g3");
        assertThat(select("origin eq \"UAA\"")).isEmpty();
    }

    @Test
    void orAndParenthesesWithAndBindingTighter() {
        assertThat(select("userName eq \"bob\" or userName eq \"alice\" and origin eq \"ldap\""))
                .containsExactly("g2", "g3");
        assertThat(select("(userName eq \"bob\" or userName eq \"alice\") and origin eq \"uaa\""))
                .containsExactly("g1", "g3");
        assertThat(select("id eq \"g1\" OR id eq \"g3\"")).containsExactly("g1", "g3");
    }

    @Test
    void quotedValuesMayHoldEscapesAndKeywords() {
        assertThat(select("userName eq \"we\\\"ird\"")).containsExactly("g4");
        assertThat(select("userName eq \"and\" or userName eq \"bob\"")).containsExactly("g3");
    }

    @Test
    void malformedFiltersAreRefused() {
        for (String bad : new String[]{"", "userName", "userName eq alice", "userName co \"a\"",
                "email eq \"a@x\"", "userName eq \"a", "(userName eq \"a\"", "userName eq \"a\" and",
                "userName eq \"a\" userName eq \"b\""}) {
            assertThatThrownBy(() -> ScimFilter.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
