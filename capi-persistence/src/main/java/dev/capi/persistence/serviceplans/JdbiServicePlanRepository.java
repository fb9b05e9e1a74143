package dev.capi.persistence.serviceplans;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.serviceplans.ServicePlanFilter;
import dev.capi.domain.serviceplans.ServicePlanRepository;
import dev.capi.model.Metadata;
import dev.capi.model.ServicePlan;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.serviceofferings.CatalogRows;
import dev.capi.persistence.support.Json;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.TimeColumns;
import dev.capi.persistence.support.WithMetadata;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Service plans in {@code service_plans} (read with their offering and broker), visibilities by organization. */
public final class JdbiServicePlanRepository implements ServicePlanRepository {
    private static final String FROM = "service_plans sp JOIN service_offerings so ON so.guid = sp.service_offering_guid"
            + " JOIN service_brokers sb ON sb.guid = so.service_broker_guid";
    /*
     * "Restricted to organizations" is MIN(org) IS NOT NULL rather than EXISTS: PostgreSQL answers a MIN with one
     * probe of the (plan, org) index, while for EXISTS it may pick a sequential scan that, with a plan's visibility
     * rows stored together, reads hundreds of thousands of rows per plan.
     */
    private static final String COLUMNS = "sp.guid, sp.created_at, sp.updated_at, sp.service_offering_guid, "
            + "so.name AS offering_name, sb.guid AS broker_guid, sb.name AS broker_name, "
            + "sb.space_guid AS broker_space_guid, sp.broker_catalog_id, sp.name, sp.description, sp.free, "
            + "COALESCE(sp.bindable, so.bindable) AS bindable, "
            + "COALESCE(sp.plan_updateable, so.plan_updateable) AS plan_updateable, sp.maximum_polling_duration, "
            + "sp.maintenance_info, sp.extra, sp.schemas, sp.public, sp.active, "
            + "(SELECT MIN(ov.organization_guid) FROM service_plan_visibilities ov WHERE ov.service_plan_guid = sp.guid)"
            + " IS NOT NULL AS org_restricted";
    private static final RowMapper<ServicePlan> MAPPER = (rs, ctx) -> {
        Object polling = rs.getObject("maximum_polling_duration");
        return new ServicePlan(rs.getString("guid"), TimeColumns.read(rs, "created_at"),
                TimeColumns.read(rs, "updated_at"), rs.getString("service_offering_guid"),
                rs.getString("offering_name"), rs.getString("broker_guid"), rs.getString("broker_name"),
                rs.getString("broker_space_guid"), rs.getString("broker_catalog_id"), rs.getString("name"),
                rs.getString("description"), rs.getBoolean("free"), rs.getBoolean("bindable"),
                rs.getBoolean("plan_updateable"), polling instanceof Number n ? n.intValue() : null,
                Json.readMap(rs.getString("maintenance_info")), Json.readMap(rs.getString("extra")),
                Json.readMap(rs.getString("schemas")), rs.getBoolean("public"), rs.getBoolean("active"),
                rs.getBoolean("org_restricted"), Metadata.empty());
    };
    private static final ListSql LIST = new ListSql(FROM, "sp")
            .inFilter(ServicePlanFilter.NAMES, "sp.name")
            .condition(ServicePlanFilter.AVAILABLE, (values, binds) ->
                    "sp.active = " + binds.add("true".equals(values.get(0))))
            .inFilter(ServicePlanFilter.BROKER_CATALOG_IDS, "sp.broker_catalog_id")
            .inFilter(ServicePlanFilter.SERVICE_BROKER_GUIDS, "sb.guid")
            .inFilter(ServicePlanFilter.SERVICE_BROKER_NAMES, "sb.name")
            .inFilter(ServicePlanFilter.SERVICE_OFFERING_GUIDS, "so.guid")
            .inFilter(ServicePlanFilter.SERVICE_OFFERING_NAMES, "so.name")
            .condition(ServicePlanFilter.SERVICE_INSTANCE_GUIDS, (values, binds) -> "sp.guid IN (SELECT"
                    + " fsi.service_plan_guid FROM service_instances fsi WHERE fsi.guid IN (" + binds.list(values)
                    + "))")
            .condition(ServicePlanFilter.SPACE_GUIDS, (values, binds) ->
                    CatalogRows.planInSpaces("sp", "sb.space_guid", binds.list(values), binds))
            .condition(ServicePlanFilter.ORGANIZATION_GUIDS, (values, binds) ->
                    CatalogRows.planInOrganizations("sp", "sb.space_guid", binds.list(values), binds))
            .orderColumn("name", "sp.name")
            .visibleBy((v, binds) -> CatalogRows.planVisible(v, binds, "sp", "sb.space_guid"));

    private final Jdbi jdbi;
    private final JdbiMetadataRepository metadata;

    public JdbiServicePlanRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.metadata = metadata;
    }

    @Override
    public Optional<ServicePlan> find(String guid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM " + FROM + " WHERE sp.guid = :g")
                .bind("g", guid).map(MAPPER).findOne()).map(p -> p.withMetadata(metadata.load(p.guid())));
    }

    @Override
    public Page<ServicePlan> list(ListQuery query) {
        return WithMetadata.attachPage(metadata, jdbi.withHandle(h -> LIST.page(h, COLUMNS, query, MAPPER)),
                ServicePlan::guid, ServicePlan::withMetadata);
    }

    @Override
    public boolean visible(String guid, Visibility visibility) {
        if (visibility.all()) {
            return true;
        }
        var binds = new ListSql.Binds();
        String sql = "SELECT COUNT(*) FROM " + FROM + " WHERE sp.guid = " + binds.add(guid) + " AND "
                + CatalogRows.planVisible(visibility, binds, "sp", "sb.space_guid");
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            binds.applyTo(q);
            return q.mapTo(Long.class).one() > 0;
        });
    }

    @Override
    public List<ServicePlan> forBroker(String brokerGuid) {
        return where("sb.guid = :k", brokerGuid);
    }

    @Override
    public List<ServicePlan> forOffering(String offeringGuid) {
        return where("so.guid = :k", offeringGuid);
    }

    private List<ServicePlan> where(String condition, String key) {
        return WithMetadata.attach(metadata, jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM " + FROM
                        + " WHERE " + condition + " ORDER BY sp.id").bind("k", key).map(MAPPER).list()),
                ServicePlan::guid, ServicePlan::withMetadata);
    }

    @Override
    public void insert(ServicePlan p) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO service_plans (guid, created_at, updated_at, service_offering_guid,
                               broker_catalog_id, name, description, free, bindable, plan_updateable,
                               maximum_polling_duration, maintenance_info, extra, schemas, public, active)
                        VALUES (:guid, :createdAt, :updatedAt, :offeringGuid, :catalogId, :name, :description, :free,
                               :bindable, :planUpdateable, :maximumPollingDuration, :maintenanceJson, :extraJson,
                               :schemasJson, :publicPlan, :available)""")
                .bindMethods(p).bind("maintenanceJson", json(p.maintenanceInfo()))
                .bind("extraJson", json(p.extra())).bind("schemasJson", json(p.schemas())).execute());
    }

    @Override
    public void update(ServicePlan p) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE service_plans SET updated_at = :updatedAt, name = :name, description = :description,
                               free = :free, bindable = :bindable, plan_updateable = :planUpdateable,
                               maximum_polling_duration = :maximumPollingDuration,
                               maintenance_info = :maintenanceJson, extra = :extraJson, schemas = :schemasJson,
                               public = :publicPlan, active = :available
                         WHERE guid = :guid""")
                .bindMethods(p).bind("maintenanceJson", json(p.maintenanceInfo()))
                .bind("extraJson", json(p.extra())).bind("schemasJson", json(p.schemas())).execute());
    }

    private static String json(Map<String, Object> value) {
        return value.isEmpty() ? null : Json.write(value);
    }

    @Override
    public boolean hasInstances(String guid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM service_instances WHERE service_plan_guid = :p")
                .bind("p", guid).mapTo(Long.class).one() > 0);
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> CatalogRows.deletePlan(h, metadata, guid));
    }

    @Override
    public List<VisibleOrganization> organizations(String planGuid) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT o.guid, o.name FROM service_plan_visibilities spv
                          JOIN organizations o ON o.guid = spv.organization_guid
                         WHERE spv.service_plan_guid = :p ORDER BY o.id""")
                .bind("p", planGuid).map((rs, ctx) -> new VisibleOrganization(rs.getString(1), rs.getString(2)))
                .list());
    }

    @Override
    public void addOrganizations(String planGuid, Collection<String> organizationGuids, Instant at) {
        jdbi.useHandle(h -> {
            for (String org : organizationGuids) {
                h.createUpdate("""
                                INSERT INTO service_plan_visibilities (created_at, service_plan_guid, organization_guid)
                                VALUES (:at, :p, :o)""")
                        .bindByType("at", at, Instant.class).bind("p", planGuid).bind("o", org).execute();
            }
        });
    }

    @Override
    public void removeOrganization(String planGuid, String organizationGuid) {
        jdbi.useHandle(h -> h.execute(
                "DELETE FROM service_plan_visibilities WHERE service_plan_guid = ? AND organization_guid = ?",
                planGuid, organizationGuid));
    }

    @Override
    public void clearOrganizations(String planGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM service_plan_visibilities WHERE service_plan_guid = ?", planGuid));
    }

    @Override
    public void removeOrganizationEverywhere(String organizationGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM service_plan_visibilities WHERE organization_guid = ?",
                organizationGuid));
    }
}
