package dev.capi.persistence.roles;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.roles.RoleRepository;
import dev.capi.domain.query.RoleVisibility;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** Roles in the {@code roles} table (one table for the eight types). */
public final class JdbiRoleRepository implements RoleRepository {
    private static final String COLUMNS =
            "r.guid, r.created_at, r.updated_at, r.type, r.user_guid, r.organization_guid, r.space_guid";
    private static final RowMapper<Role> MAPPER = (rs, ctx) -> new Role(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"),
            RoleType.fromWire(rs.getString("type")).orElseThrow(), rs.getString("user_guid"),
            rs.getString("organization_guid"), rs.getString("space_guid"));
    /** The internal filter key under which the viewer's visibility is rendered. */
    private static final String VISIBLE = "visible_to_viewer";

    private final Jdbi jdbi;

    public JdbiRoleRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Role> forUser(String userGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM roles r WHERE r.user_guid = :u")
                .bind("u", userGuid).map(MAPPER).list());
    }

    @Override
    public Optional<Role> find(String guid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM roles r WHERE r.guid = :g")
                .bind("g", guid).map(MAPPER).findOne());
    }

    @Override
    public Optional<Role> find(RoleType type, String userGuid, String organizationGuid, String spaceGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM roles r WHERE r.type = :t AND r.user_guid = :u AND r.scope_guid = :s")
                .bind("t", type.wireName()).bind("u", userGuid)
                .bind("s", type.isSpaceRole() ? spaceGuid : organizationGuid).map(MAPPER).findOne());
    }

    @Override
    public Page<Role> list(ListQuery query, RoleVisibility visibility) {
        ListSql sql = listSql(visibility);
        return jdbi.withHandle(h -> sql.page(h, COLUMNS, query.withVisibility(Visibility.everything())
                .withFilter(VISIBLE, List.of()), MAPPER));
    }

    /**
     * The list SQL for one viewer: the filters (organization_guids, as in the reference, matches organization roles
     * only: the reference's space roles carry no organization), and the viewer's visibility as one more condition,
     * space roles through their space and organization roles through their organization.
     */
    private static ListSql listSql(RoleVisibility visibility) {
        return new ListSql("roles r", "r")
                .inFilter("types", "r.type")
                .inFilter("space_guids", "r.space_guid")
                .inFilter("user_guids", "r.user_guid")
                .condition("organization_guids", (values, binds) ->
                        "(r.space_guid IS NULL AND " + ListSql.in("r.organization_guid", values, binds) + ")")
                .condition(VISIBLE, (ignored, binds) -> visibility(visibility, binds));
    }

    private static String visibility(RoleVisibility v, ListSql.Binds binds) {
        if (v.all()) {
            return "";
        }
        return "((r.space_guid IS NOT NULL AND " + render(v.spaceRoles(), "r.space_guid", binds)
                + ") OR (r.space_guid IS NULL AND " + render(v.orgRoles(), null, binds) + "))";
    }

    private static String render(Visibility v, String spaceColumn, ListSql.Binds binds) {
        if (v.all()) {
            return "1=1";
        }
        if (v.userGuid() == null) {
            return "1=0";
        }
        return ListSql.VisibilitySql.render(v, spaceColumn, "r.organization_guid", binds);
    }

    @Override
    public void insert(Role role) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO roles (guid, created_at, updated_at, type, user_guid, organization_guid, space_guid,
                                           scope_guid)
                        VALUES (:guid, :createdAt, :updatedAt, :type, :userGuid, :organizationGuid, :spaceGuid, :scope)""")
                .bindMethods(role)
                .bind("type", role.type().wireName())
                .bind("scope", role.type().isSpaceRole() ? role.spaceGuid() : role.organizationGuid())
                .execute());
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM roles WHERE guid = ?", guid));
    }

    @Override
    public boolean userHasSpaceRolesInOrganization(String userGuid, String organizationGuid) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM roles WHERE user_guid = :u AND organization_guid = :o
                           AND space_guid IS NOT NULL""")
                .bind("u", userGuid).bind("o", organizationGuid).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public void deleteForSpace(String spaceGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM roles WHERE space_guid = ?", spaceGuid));
    }

    @Override
    public void deleteForOrganization(String organizationGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM roles WHERE organization_guid = ?", organizationGuid));
    }

    @Override
    public void deleteForUser(String userGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM roles WHERE user_guid = ?", userGuid));
    }
}
