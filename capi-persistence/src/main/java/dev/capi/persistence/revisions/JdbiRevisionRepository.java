package dev.capi.persistence.revisions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.revisions.RevisionFilter;
import dev.capi.domain.revisions.RevisionRepository;
import dev.capi.model.Metadata;
import dev.capi.model.Revision;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.JsonColumns;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.MetadataRows;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Revisions in the {@code revisions} table (environment variables and commands as JSON text). */
public final class JdbiRevisionRepository implements RevisionRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "r.guid, r.created_at, r.updated_at, r.app_guid, r.space_guid, "
            + "r.organization_guid, r.version, r.droplet_guid, r.environment_variables, r.process_commands, "
            + "r.description, r.deployable";
    private static final RowMapper<Revision> MAPPER = (rs, ctx) -> new Revision(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("app_guid"),
            rs.getString("space_guid"), rs.getString("organization_guid"), rs.getInt("version"),
            rs.getString("droplet_guid"), env(rs.getString("environment_variables")),
            JsonColumns.stringMap(rs.getString("process_commands")), rs.getString("description"),
            rs.getBoolean("deployable"), Metadata.empty());
    private static final ListSql LIST = new ListSql("revisions r", "r")
            .inFilter(RevisionFilter.APP_GUIDS, "r.app_guid")
            .condition(RevisionFilter.VERSIONS, (values, binds) -> {
                List<Integer> versions = new ArrayList<>();
                for (String v : values) {
                    try {
                        versions.add(Integer.parseInt(v.trim()));
                    } catch (NumberFormatException e) {
                        // not a version: matches nothing
                    }
                }
                return versions.isEmpty() ? "1=0" : "r.version IN (" + binds.list(versions) + ")";
            })
            .condition(RevisionFilter.DEPLOYED_FOR, (values, binds) -> "r.guid IN (SELECT p.revision_guid FROM processes p "
                    + "WHERE p.app_guid = " + binds.add(values.get(0)) + " AND p.state = 'STARTED')")
            .visibleThrough("r.space_guid", "r.organization_guid");

    private final Jdbi jdbi;
    private final MetadataRows<Revision> rows;

    public JdbiRevisionRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.rows = new MetadataRows<>(jdbi, metadata, LIST, COLUMNS, MAPPER, Revision::guid, Revision::withMetadata);
    }

    private static Map<String, Object> env(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<Revision> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public Optional<Revision> latestForApp(String appGuid) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT guid FROM revisions WHERE app_guid = :a ORDER BY version DESC")
                .bind("a", appGuid).mapTo(String.class).findFirst()).flatMap(this::find);
    }

    @Override
    public Page<Revision> list(ListQuery query) {
        return rows.page(query);
    }

    @Override
    public Page<Revision> deployedForApp(String appGuid, ListQuery query) {
        return rows.page(query.withFilter(RevisionFilter.DEPLOYED_FOR.key(), List.of(appGuid)));
    }

    @Override
    public void insert(Revision r) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO revisions (guid, created_at, updated_at, app_guid, space_guid, organization_guid,
                                               version, droplet_guid, environment_variables, process_commands,
                                               description, deployable)
                        VALUES (:guid, :createdAt, :updatedAt, :appGuid, :spaceGuid, :organizationGuid, :version,
                                :dropletGuid, :env, :commands, :description, :deployable)""")
                .bindMethods(r).bind("env", JsonColumns.write(r.environmentVariables()))
                .bind("commands", JsonColumns.write(r.processCommands())).execute());
    }

    @Override
    public void touch(String guid, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE revisions SET updated_at = :t WHERE guid = :g")
                .bind("t", at).bind("g", guid).execute());
    }
}
