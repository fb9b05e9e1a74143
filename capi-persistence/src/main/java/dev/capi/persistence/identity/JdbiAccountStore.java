package dev.capi.persistence.identity;

import dev.capi.domain.identity.Account;
import dev.capi.domain.identity.AccountStore;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Accounts of the built-in issuer in the {@code identity_accounts} table (groups space-separated). */
public final class JdbiAccountStore implements AccountStore {
    private static final RowMapper<Account> MAPPER = (rs, ctx) -> new Account(rs.getString("guid"),
            rs.getString("username"), rs.getString("origin"), rs.getString("email"), rs.getString("password_hash"),
            groups(rs.getString("groups_list")), TimeColumns.read(rs, "created_at"));

    private final Jdbi jdbi;

    public JdbiAccountStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static Set<String> groups(String s) {
        return s == null || s.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(s.trim().split("\\s+")));
    }

    private static String groups(Set<String> groups) {
        return new TreeSet<>(groups).stream().collect(Collectors.joining(" "));
    }

    @Override
    public void create(Account a) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO identity_accounts (guid, username, origin, email, password_hash, groups_list, created_at)
                        VALUES (:guid, :username, :origin, :email, :hash, :groups, :createdAt)""")
                .bind("guid", a.guid()).bind("username", a.username()).bind("origin", a.origin())
                .bind("email", a.email()).bind("hash", a.passwordHash()).bind("groups", groups(a.groups()))
                .bind("createdAt", a.createdAt()).execute());
    }

    @Override
    public void update(Account a) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE identity_accounts SET username = :username, origin = :origin, email = :email,
                               password_hash = :hash, groups_list = :groups WHERE guid = :guid""")
                .bind("guid", a.guid()).bind("username", a.username()).bind("origin", a.origin())
                .bind("email", a.email()).bind("hash", a.passwordHash()).bind("groups", groups(a.groups()))
                .execute());
    }

    @Override
    public Optional<Account> findByGuid(String guid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM identity_accounts WHERE guid = :g")
                .bind("g", guid).map(MAPPER).findOne());
    }

    @Override
    public Optional<Account> findByUsername(String username, String origin) {
        return search(username, origin).stream().findFirst();
    }

    @Override
    public List<Account> search(String username, String origin) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM identity_accounts WHERE LOWER(username) = LOWER(:u)"
                        + (origin == null ? "" : " AND origin = :o") + " ORDER BY id")
                .bind("u", username).bind("o", origin).map(MAPPER).list());
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM identity_accounts WHERE guid = ?", guid));
    }
}
