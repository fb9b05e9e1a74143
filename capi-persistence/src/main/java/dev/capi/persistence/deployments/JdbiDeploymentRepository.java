package dev.capi.persistence.deployments;

import dev.capi.domain.deployments.DeploymentFilter;
import dev.capi.domain.deployments.DeploymentRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Deployment;
import dev.capi.model.Metadata;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.JsonColumns;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.MetadataRows;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** Deployments in the {@code deployments} table. */
public final class JdbiDeploymentRepository implements DeploymentRepository {
    private static final String COLUMNS = "d.guid, d.created_at, d.updated_at, d.app_guid, d.space_guid, "
            + "d.organization_guid, d.state, d.status_value, d.status_reason, d.strategy, d.droplet_guid, "
            + "d.previous_droplet_guid, d.revision_guid, d.revision_version, d.new_process_guid, d.old_process_guid, "
            + "d.target_instances, d.max_in_flight, d.last_status_change, d.last_healthy_at, d.canary_steps, "
            + "d.canary_current_step";
    private static final RowMapper<Deployment> MAPPER = (rs, ctx) -> {
        int version = rs.getInt("revision_version");
        Integer revisionVersion = rs.wasNull() ? null : version;
        return new Deployment(rs.getString("guid"), TimeColumns.read(rs, "created_at"),
                TimeColumns.read(rs, "updated_at"), rs.getString("app_guid"), rs.getString("space_guid"),
                rs.getString("organization_guid"), rs.getString("state"), rs.getString("status_value"),
                rs.getString("status_reason"), rs.getString("strategy"), rs.getString("droplet_guid"),
                rs.getString("previous_droplet_guid"), rs.getString("revision_guid"), revisionVersion,
                rs.getString("new_process_guid"), rs.getString("old_process_guid"), rs.getInt("target_instances"),
                rs.getInt("max_in_flight"), TimeColumns.read(rs, "last_status_change"),
                TimeColumns.read(rs, "last_healthy_at"),
                steps(rs.getString("canary_steps")), rs.getInt("canary_current_step"), Metadata.empty());
    };
    private static final ListSql LIST = new ListSql("deployments d", "d")
            .inFilter(DeploymentFilter.APP_GUIDS, "d.app_guid")
            .inFilter(DeploymentFilter.STATES, "d.state")
            .inFilter(DeploymentFilter.STATUS_VALUES, "d.status_value")
            .inFilter(DeploymentFilter.STATUS_REASONS, "d.status_reason")
            .visibleThrough("d.space_guid", "d.organization_guid");

    private static List<Integer> steps(String json) {
        return JsonColumns.stringList(json).stream().map(Integer::valueOf).toList();
    }

    private final Jdbi jdbi;
    private final MetadataRows<Deployment> rows;

    public JdbiDeploymentRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.rows = new MetadataRows<>(jdbi, metadata, LIST, COLUMNS, MAPPER, Deployment::guid,
                Deployment::withMetadata);
    }

    @Override
    public Optional<Deployment> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public Optional<Deployment> findForUpdate(String guid) {
        Optional<String> locked = jdbi.withHandle(h -> h.createQuery(
                        "SELECT guid FROM deployments WHERE guid = :g FOR UPDATE")
                .bind("g", guid).mapTo(String.class).findOne());
        return locked.flatMap(rows::find);
    }

    @Override
    public Page<Deployment> list(ListQuery query) {
        return rows.page(query);
    }

    @Override
    public List<Deployment> activeForApp(String appGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM deployments d WHERE d.app_guid = :a AND d.status_value = 'ACTIVE' ORDER BY d.id")
                .bind("a", appGuid).map(MAPPER).list());
    }

    @Override
    public void insert(Deployment d) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO deployments (guid, created_at, updated_at, app_guid, space_guid, organization_guid,
                                                 state, status_value, status_reason, strategy, droplet_guid,
                                                 previous_droplet_guid, revision_guid, revision_version,
                                                 new_process_guid, old_process_guid, target_instances, max_in_flight,
                                                 last_status_change, last_healthy_at, canary_steps,
                                                 canary_current_step)
                        VALUES (:guid, :createdAt, :updatedAt, :appGuid, :spaceGuid, :organizationGuid, :state,
                                :statusValue, :statusReason, :strategy, :dropletGuid, :previousDropletGuid,
                                :revisionGuid, :revisionVersion, :newProcessGuid, :oldProcessGuid, :targetInstances,
                                :maxInFlight, :lastStatusChange, :lastHealthyAt, :steps, :canaryCurrentStep)""")
                .bindMethods(d).bind("steps", JsonColumns.write(d.canarySteps().stream().map(String::valueOf)
                        .toList())).execute());
    }

    @Override
    public void update(Deployment d) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE deployments SET updated_at = :updatedAt, state = :state, status_value = :statusValue,
                               status_reason = :statusReason, last_status_change = :lastStatusChange,
                               last_healthy_at = :lastHealthyAt, canary_current_step = :canaryCurrentStep
                         WHERE guid = :guid""")
                .bindMethods(d).execute());
    }
}
