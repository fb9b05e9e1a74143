package dev.capi.persistence.users;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.users.UserRepository;
import dev.capi.model.Metadata;
import dev.capi.model.User;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.TimeColumns;
import dev.capi.persistence.support.WithMetadata;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Users in the {@code users} table, with username and origin cached from the identity provider. */
public final class JdbiUserRepository implements UserRepository {
    private static final String COLUMNS = "u.guid, u.created_at, u.updated_at, u.username, u.presentation_name, u.origin";
    private static final RowMapper<User> MAPPER = (rs, ctx) -> new User(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("username"),
            rs.getString("presentation_name"), rs.getString("origin"), Metadata.empty());
    private static final ListSql LIST = new ListSql("users u", "u")
            .inFilter("usernames", "u.username")
            .inFilter("origins", "u.origin")
            .condition("partial_usernames", (values, binds) -> "(" + values.stream()
                    .map(v -> "LOWER(u.username) LIKE " + binds.add("%" + escapeLike(v.toLowerCase()) + "%")
                            + " ESCAPE '!'")
                    .collect(Collectors.joining(" OR ")) + ")")
            .condition("in_organization", (values, binds) ->
                    "u.guid IN (SELECT r.user_guid FROM roles r WHERE r.organization_guid = " + binds.add(values.get(0))
                            + " AND r.space_guid IS NULL)")
            .condition("in_space", (values, binds) ->
                    "u.guid IN (SELECT r.user_guid FROM roles r WHERE r.space_guid = " + binds.add(values.get(0)) + ")")
            .condition("shares_org_with", (values, binds) -> {
                String me = binds.add(values.get(0));
                return "(u.guid = " + me + " OR u.guid IN (SELECT r.user_guid FROM roles r WHERE r.space_guid IS NULL"
                        + " AND r.organization_guid IN (SELECT mine.organization_guid FROM roles mine"
                        + " WHERE mine.user_guid = " + me + " AND mine.space_guid IS NULL)))";
            });

    private final Jdbi jdbi;
    private final JdbiMetadataRepository metadata;

    public JdbiUserRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.metadata = metadata;
    }

    /** Escapes LIKE wildcards with '!' (a backslash would end Jdbi's quoted literal early and hide the next bind). */
    private static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    @Override
    public Optional<User> find(String guid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users u WHERE u.guid = :g")
                        .bind("g", guid).map(MAPPER).findOne())
                .map(u -> u.withMetadata(metadata.load(u.guid())));
    }

    @Override
    public List<User> findAll(Collection<String> guids) {
        return WithMetadata.attach(metadata, jdbi.withHandle(h -> LIST.byGuids(h, COLUMNS, guids, MAPPER)),
                User::guid, User::withMetadata);
    }

    @Override
    public List<User> findByUsername(String username, String origin) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users u WHERE u.username = :n"
                        + (origin != null ? " AND u.origin = :o" : "") + " ORDER BY u.id")
                .bind("n", username).bind("o", origin).map(MAPPER).list());
    }

    @Override
    public Page<User> list(ListQuery query) {
        return WithMetadata.attachPage(metadata, jdbi.withHandle(h -> LIST.page(h, COLUMNS, query, MAPPER)),
                User::guid, User::withMetadata);
    }

    @Override
    public void insert(User user) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO users (guid, created_at, updated_at, username, presentation_name, origin)
                        VALUES (:guid, :createdAt, :updatedAt, :username, :presentationName, :origin)""")
                .bindMethods(user).execute());
    }

    @Override
    public void update(User user) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE users SET updated_at = :updatedAt, username = :username,
                               presentation_name = :presentationName, origin = :origin WHERE guid = :guid""")
                .bindMethods(user).execute());
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM users WHERE guid = ?", guid));
    }
}
