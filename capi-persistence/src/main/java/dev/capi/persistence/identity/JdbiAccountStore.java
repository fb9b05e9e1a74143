package dev.capi.persistence.identity;

import dev.capi.domain.identity.Account;
import dev.capi.domain.identity.AccountStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Accounts of the built-in issuer in the {@code identity_accounts} table (groups space-separated in
 * {@code groups_list}); works on any {@link Jdbi}, binding times as UTC {@link OffsetDateTime}s itself.
 */
public final class JdbiAccountStore implements AccountStore {
    private static final String COLUMNS = "guid, username, origin, email, password_hash, groups_list, created_at";
    private static final RowMapper<Account> MAPPER = (rs, ctx) -> new Account(rs.getString("guid"),
            rs.getString("username"), rs.getString("origin"), rs.getString("email"), rs.getString("password_hash"),
            groups(rs.getString("groups_list")), instant(rs.getObject("created_at", OffsetDateTime.class)));

    private final Jdbi jdbi;

    public JdbiAccountStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static Set<String> groups(String s) {
        return s == null || s.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(s.trim().split("\\s+")));
    }

    private static String groups(Set<String> groups) {
        return String.join(" ", new TreeSet<>(groups));
    }

    @Override
    public void create(Account a) {
        jdbi.withHandle(h -> h.createUpdate("INSERT INTO identity_accounts (" + COLUMNS + ") "
                        + "VALUES (:guid, :username, :origin, :email, :hash, :groups, :createdAt)")
                .bind("guid", a.guid()).bind("username", a.username()).bind("origin", a.origin())
                .bind("email", a.email()).bind("hash", a.passwordHash()).bind("groups", groups(a.groups()))
                .bind("createdAt", OffsetDateTime.ofInstant(a.createdAt(), ZoneOffset.UTC)).execute());
    }

    @Override
    public void update(Account a) {
        jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE identity_accounts SET username = :username, origin = :origin, email = :email,
                               password_hash = :hash, groups_list = :groups WHERE guid = :guid""")
                .bind("guid", a.guid()).bind("username", a.username()).bind("origin", a.origin())
                .bind("email", a.email()).bind("hash", a.passwordHash()).bind("groups", groups(a.groups()))
                .execute());
    }

    @Override
    public Optional<Account> findByGuid(String guid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM identity_accounts WHERE guid = :g")
                .bind("g", guid).map(MAPPER).findOne());
    }

    @Override
    public Optional<Account> findByUsername(String username, String origin) {
        return search(username, origin).stream().findFirst();
    }

    @Override
    public List<Account> search(String username, String origin) {
        if (username == null) {
            return List.of();
        }
        // exact-case rows first, so that findByUsername is deterministic when names differ only in case
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT " + COLUMNS + " FROM identity_accounts"
                            + " WHERE LOWER(username) = LOWER(:u)" + (origin == null ? "" : " AND origin = :o")
                            + " ORDER BY CASE WHEN username = :u THEN 0 ELSE 1 END, id")
                    .bind("u", username);
            if (origin != null) {
                query.bind("o", origin);
            }
            return query.map(MAPPER).list();
        });
    }

    @Override
    public void delete(String guid) {
        jdbi.withHandle(h -> h.createUpdate("DELETE FROM identity_accounts WHERE guid = :g").bind("g", guid)
                .execute());
    }

    @Override
    public List<Account> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM identity_accounts ORDER BY id")
                .map(MAPPER).list());
    }
}
