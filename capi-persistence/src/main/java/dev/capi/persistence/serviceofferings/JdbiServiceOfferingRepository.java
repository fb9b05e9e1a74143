package dev.capi.persistence.serviceofferings;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.serviceofferings.ServiceOfferingFilter;
import dev.capi.domain.serviceofferings.ServiceOfferingRepository;
import dev.capi.model.Metadata;
import dev.capi.model.ServiceOffering;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.Json;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.TimeColumns;
import dev.capi.persistence.support.WithMetadata;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** Service offerings in {@code service_offerings}, read with their broker's name and space. */
public final class JdbiServiceOfferingRepository implements ServiceOfferingRepository {
    private static final String FROM = "service_offerings so JOIN service_brokers sb ON sb.guid = so.service_broker_guid";
    private static final String COLUMNS = "so.guid, so.created_at, so.updated_at, so.service_broker_guid, "
            + "sb.name AS broker_name, sb.space_guid AS broker_space_guid, so.broker_catalog_id, so.name, "
            + "so.description, so.available, so.bindable, so.plan_updateable, so.instances_retrievable, "
            + "so.bindings_retrievable, so.allow_context_updates, so.tags, so.requires, so.extra";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final RowMapper<ServiceOffering> MAPPER = (rs, ctx) -> new ServiceOffering(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"),
            rs.getString("service_broker_guid"), rs.getString("broker_name"), rs.getString("broker_space_guid"),
            rs.getString("broker_catalog_id"), rs.getString("name"), rs.getString("description"),
            rs.getBoolean("available"), rs.getBoolean("bindable"), rs.getBoolean("plan_updateable"),
            rs.getBoolean("instances_retrievable"), rs.getBoolean("bindings_retrievable"),
            rs.getBoolean("allow_context_updates"), Json.readList(rs.getString("tags"), STRINGS),
            Json.readList(rs.getString("requires"), STRINGS), Json.readMap(rs.getString("extra")), Metadata.empty());
    private static final ListSql LIST = new ListSql(FROM, "so")
            .inFilter(ServiceOfferingFilter.NAMES, "so.name")
            .condition(ServiceOfferingFilter.AVAILABLE, (values, binds) ->
                    "so.available = " + binds.add("true".equals(values.get(0))))
            .inFilter(ServiceOfferingFilter.BROKER_CATALOG_IDS, "so.broker_catalog_id")
            .inFilter(ServiceOfferingFilter.SERVICE_BROKER_GUIDS, "sb.guid")
            .inFilter(ServiceOfferingFilter.SERVICE_BROKER_NAMES, "sb.name")
            .condition(ServiceOfferingFilter.SPACE_GUIDS, (values, binds) -> "so.guid IN (SELECT fsp.service_offering_guid"
                    + " FROM service_plans fsp JOIN service_offerings fso ON fso.guid = fsp.service_offering_guid"
                    + " JOIN service_brokers fsb ON fsb.guid = fso.service_broker_guid WHERE "
                    + CatalogRows.planInSpaces("fsp", "fsb.space_guid", binds.list(values), binds) + ")")
            .condition(ServiceOfferingFilter.ORGANIZATION_GUIDS, (values, binds) -> "so.guid IN (SELECT "
                    + "fsp.service_offering_guid FROM service_plans fsp JOIN service_offerings fso"
                    + " ON fso.guid = fsp.service_offering_guid JOIN service_brokers fsb"
                    + " ON fsb.guid = fso.service_broker_guid WHERE "
                    + CatalogRows.planInOrganizations("fsp", "fsb.space_guid", binds.list(values), binds) + ")")
            .orderColumn("name", "so.name")
            .visibleBy(CatalogRows::offeringVisible);

    private final Jdbi jdbi;
    private final JdbiMetadataRepository metadata;

    public JdbiServiceOfferingRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.metadata = metadata;
    }

    @Override
    public Optional<ServiceOffering> find(String guid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM " + FROM + " WHERE so.guid = :g")
                .bind("g", guid).map(MAPPER).findOne()).map(o -> o.withMetadata(metadata.load(o.guid())));
    }

    @Override
    public Page<ServiceOffering> list(ListQuery query) {
        return WithMetadata.attachPage(metadata, jdbi.withHandle(h -> LIST.page(h, COLUMNS, query, MAPPER)),
                ServiceOffering::guid, ServiceOffering::withMetadata);
    }

    @Override
    public boolean visible(String guid, Visibility visibility) {
        if (visibility.all()) {
            return true;
        }
        var binds = new ListSql.Binds();
        String sql = "SELECT COUNT(*) FROM " + FROM + " WHERE so.guid = " + binds.add(guid) + " AND "
                + CatalogRows.offeringVisible(visibility, binds);
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            binds.applyTo(q);
            return q.mapTo(Long.class).one() > 0;
        });
    }

    @Override
    public List<ServiceOffering> forBroker(String brokerGuid) {
        return WithMetadata.attach(metadata, jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM " + FROM
                        + " WHERE so.service_broker_guid = :b ORDER BY so.id").bind("b", brokerGuid).map(MAPPER).list()),
                ServiceOffering::guid, ServiceOffering::withMetadata);
    }

    @Override
    public void insert(ServiceOffering o) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO service_offerings (guid, created_at, updated_at, service_broker_guid,
                               broker_catalog_id, name, description, available, bindable, plan_updateable,
                               instances_retrievable, bindings_retrievable, allow_context_updates, shareable,
                               documentation_url, tags, requires, extra)
                        VALUES (:guid, :createdAt, :updatedAt, :brokerGuid, :catalogId, :name, :description,
                               :available, :bindable, :planUpdateable, :instancesRetrievable, :bindingsRetrievable,
                               :allowContextUpdates, :shareable, :documentationUrl, :tagsJson, :requiresJson,
                               :extraJson)""")
                .bindMethods(o).bind("tagsJson", Json.write(o.tags())).bind("requiresJson", Json.write(o.requires()))
                .bind("extraJson", o.extra().isEmpty() ? null : Json.write(o.extra())).execute());
    }

    @Override
    public void update(ServiceOffering o) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE service_offerings SET updated_at = :updatedAt, name = :name, description = :description,
                               available = :available, bindable = :bindable, plan_updateable = :planUpdateable,
                               instances_retrievable = :instancesRetrievable,
                               bindings_retrievable = :bindingsRetrievable,
                               allow_context_updates = :allowContextUpdates, shareable = :shareable,
                               documentation_url = :documentationUrl, tags = :tagsJson, requires = :requiresJson,
                               extra = :extraJson
                         WHERE guid = :guid""")
                .bindMethods(o).bind("tagsJson", Json.write(o.tags())).bind("requiresJson", Json.write(o.requires()))
                .bind("extraJson", o.extra().isEmpty() ? null : Json.write(o.extra())).execute());
    }

    @Override
    public boolean hasPlans(String guid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM service_plans WHERE service_offering_guid = :o")
                .bind("o", guid).mapTo(Long.class).one() > 0);
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> CatalogRows.deleteOffering(h, metadata, guid));
    }

    @Override
    public void purge(String guid) {
        jdbi.useHandle(h -> {
            List<String> plans = h.createQuery("SELECT guid FROM service_plans WHERE service_offering_guid = :o")
                    .bind("o", guid).mapTo(String.class).list();
            CatalogRows.deleteInstancesOfPlans(h, metadata, plans);
            CatalogRows.deleteOffering(h, metadata, guid);
        });
    }
}
