package dev.capi.persistence.apps;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.App;
import dev.capi.model.DesiredState;
import dev.capi.model.Lifecycle;
import dev.capi.model.Metadata;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.Json;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.TimeColumns;
import dev.capi.persistence.support.WithMetadata;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementException;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Apps in the {@code apps} table, read with their space's organization. Names are unique per space whatever their
 * case ({@code name_key} holds the lower-cased name); lifecycle buildpacks and environment variables are JSON text.
 */
public final class JdbiAppRepository implements AppRepository {
    static final String FROM = "apps a JOIN spaces sp ON sp.guid = a.space_guid";
    private static final String COLUMNS = "a.guid, a.created_at, a.updated_at, a.name, a.space_guid, "
            + "sp.organization_guid, a.desired_state, a.lifecycle_type, a.buildpacks, a.stack, "
            + "a.environment_variables, a.droplet_guid, a.enable_ssh, a.revisions_enabled, "
            + "a.service_binding_k8s_enabled, a.file_based_vcap_services_enabled";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final RowMapper<App> MAPPER = (rs, ctx) -> new App(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("name"),
            rs.getString("space_guid"), rs.getString("organization_guid"),
            DesiredState.valueOf(rs.getString("desired_state")),
            new Lifecycle(rs.getString("lifecycle_type"), Json.readList(rs.getString("buildpacks"), STRINGS),
                    rs.getString("stack")),
            Json.readMap(rs.getString("environment_variables")), rs.getString("droplet_guid"),
            new App.Features(rs.getBoolean("enable_ssh"), rs.getBoolean("revisions_enabled"),
                    rs.getBoolean("service_binding_k8s_enabled"), rs.getBoolean("file_based_vcap_services_enabled")),
            Metadata.empty());
    private static final ListSql LIST = new ListSql(FROM, "a")
            .inFilter("names", "a.name")
            .inFilter("space_guids", "a.space_guid")
            .inFilter("organization_guids", "sp.organization_guid")
            .inFilter("stacks", "a.stack")
            .inFilter("lifecycle_type", "a.lifecycle_type")
            .orderColumn("name", "a.name")
            .orderColumn("state", "a.desired_state")
            .visibleThrough("a.space_guid", "sp.organization_guid");

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String NAME_CONSTRAINT = "apps_space_name_uq";

    private final Jdbi jdbi;
    private final JdbiMetadataRepository metadata;

    public JdbiAppRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.metadata = metadata;
    }

    @Override
    public Optional<App> find(String guid) {
        return findAll(List.of(guid)).stream().findFirst();
    }

    @Override
    public List<App> findAll(Collection<String> guids) {
        return WithMetadata.attach(metadata, jdbi.withHandle(h -> LIST.byGuids(h, COLUMNS, guids, MAPPER)),
                App::guid, App::withMetadata);
    }

    @Override
    public Page<App> list(ListQuery query) {
        return WithMetadata.attachPage(metadata, jdbi.withHandle(h -> LIST.page(h, COLUMNS, query, MAPPER)),
                App::guid, App::withMetadata);
    }

    @Override
    public List<App> inSpace(String spaceGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM " + FROM
                        + " WHERE a.space_guid = :s ORDER BY a.id")
                .bind("s", spaceGuid).map(MAPPER).list());
    }

    @Override
    public boolean nameTaken(String spaceGuid, String name) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM apps WHERE space_guid = :s AND name_key = :n")
                .bind("s", spaceGuid).bind("n", key(name)).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public boolean anyOnStack(String stackName) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM apps WHERE stack = :s AND lifecycle_type <> 'docker'")
                .bind("s", stackName).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public List<String> guidsOnStack(String stackName, Visibility visibility) {
        var query = ListQuery.all().withFilter("stacks", List.of(stackName)).withVisibility(visibility);
        return jdbi.withHandle(h -> LIST.all(h, "a.guid", query, (rs, ctx) -> rs.getString("guid")));
    }

    @Override
    public void insert(App a) {
        refusingDuplicateNames(() -> jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO apps (guid, created_at, updated_at, name, name_key, space_guid, desired_state,
                                          lifecycle_type, buildpacks, stack, environment_variables, droplet_guid,
                                          enable_ssh, revisions_enabled, service_binding_k8s_enabled,
                                          file_based_vcap_services_enabled)
                        VALUES (:guid, :createdAt, :updatedAt, :name, :nameKey, :spaceGuid, :state, :lifecycleType,
                                :buildpacks, :stack, :env, :dropletGuid, :ssh, :revisions, :k8s, :fileBased)""")
                .bind("guid", a.guid()).bind("createdAt", a.createdAt()).bind("spaceGuid", a.spaceGuid())
                .bindMap(columns(a)).execute()));
    }

    @Override
    public void update(App a) {
        refusingDuplicateNames(() -> jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE apps SET updated_at = :updatedAt, name = :name, name_key = :nameKey,
                               desired_state = :state, lifecycle_type = :lifecycleType, buildpacks = :buildpacks,
                               stack = :stack, environment_variables = :env, droplet_guid = :dropletGuid,
                               enable_ssh = :ssh, revisions_enabled = :revisions,
                               service_binding_k8s_enabled = :k8s, file_based_vcap_services_enabled = :fileBased
                         WHERE guid = :guid""")
                .bind("guid", a.guid()).bindMap(columns(a)).execute()));
    }

    private static Map<String, Object> columns(App a) {
        var m = new java.util.HashMap<String, Object>();
        m.put("updatedAt", a.updatedAt());
        m.put("name", a.name());
        m.put("nameKey", key(a.name()));
        m.put("state", a.state().name());
        m.put("lifecycleType", a.lifecycle().type());
        m.put("buildpacks", a.lifecycle().isDocker() ? null : Json.write(a.lifecycle().buildpacks()));
        m.put("stack", a.lifecycle().stack());
        m.put("env", Json.write(a.environmentVariables()));
        m.put("dropletGuid", a.dropletGuid());
        m.put("ssh", a.features().ssh());
        m.put("revisions", a.features().revisions());
        m.put("k8s", a.features().serviceBindingK8s());
        m.put("fileBased", a.features().fileBasedVcapServices());
        return m;
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM apps WHERE guid = ?", guid));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Turns a violation of {@code apps_space_name_uq} (SQLSTATE 23505 on H2 and PostgreSQL) into the port's error. */
    private static void refusingDuplicateNames(Runnable write) {
        try {
            write.run();
        } catch (StatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains(NAME_CONSTRAINT)) {
                throw new AppRepository.NameTaken(e);
            }
            throw e;
        }
    }
}
