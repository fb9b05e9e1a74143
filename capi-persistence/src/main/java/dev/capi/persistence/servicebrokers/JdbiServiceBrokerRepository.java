package dev.capi.persistence.servicebrokers;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.servicebrokers.BrokerUpdateRequest;
import dev.capi.domain.servicebrokers.ServiceBrokerFilter;
import dev.capi.domain.servicebrokers.ServiceBrokerRepository;
import dev.capi.model.Metadata;
import dev.capi.model.ServiceBroker;
import dev.capi.model.ServiceBrokerState;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.serviceofferings.CatalogRows;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.TimeColumns;
import dev.capi.persistence.support.WithMetadata;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Service brokers in {@code service_brokers}, their pending updates in {@code service_broker_update_requests}. */
public final class JdbiServiceBrokerRepository implements ServiceBrokerRepository {
    private static final String COLUMNS = "sb.guid, sb.created_at, sb.updated_at, sb.name, sb.url, sb.auth_username, "
            + "sb.auth_password, sb.space_guid, sb.state";
    private static final RowMapper<ServiceBroker> MAPPER = (rs, ctx) -> new ServiceBroker(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("name"),
            rs.getString("url"), rs.getString("auth_username"), rs.getString("auth_password"),
            rs.getString("space_guid"), ServiceBrokerState.valueOf(rs.getString("state")), Metadata.empty());
    private static final ListSql LIST = new ListSql("service_brokers sb", "sb")
            .inFilter(ServiceBrokerFilter.NAMES, "sb.name")
            .inFilter(ServiceBrokerFilter.SPACE_GUIDS, "sb.space_guid")
            .orderColumn("name", "sb.name")
            .visibleThrough("sb.space_guid", null);

    private final Jdbi jdbi;
    private final JdbiMetadataRepository metadata;

    public JdbiServiceBrokerRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.metadata = metadata;
    }

    @Override
    public Optional<ServiceBroker> find(String guid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM service_brokers sb WHERE sb.guid = :g")
                .bind("g", guid).map(MAPPER).findOne()).map(b -> b.withMetadata(metadata.load(b.guid())));
    }

    @Override
    public Page<ServiceBroker> list(ListQuery query) {
        return WithMetadata.attachPage(metadata, jdbi.withHandle(h -> LIST.page(h, COLUMNS, query, MAPPER)),
                ServiceBroker::guid, ServiceBroker::withMetadata);
    }

    @Override
    public boolean nameTaken(String name, String exceptGuid) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM service_brokers WHERE name = :n AND guid <> :g")
                .bind("n", name).bind("g", exceptGuid == null ? "" : exceptGuid).mapTo(Long.class).one() > 0);
    }

    @Override
    public void insert(ServiceBroker b) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO service_brokers (guid, created_at, updated_at, name, url, auth_username,
                                                     auth_password, space_guid, state)
                        VALUES (:guid, :createdAt, :updatedAt, :name, :url, :username, :password, :spaceGuid, :state)""")
                .bindMethods(b).bind("state", b.state().name()).execute());
    }

    @Override
    public void update(ServiceBroker b) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE service_brokers SET updated_at = :updatedAt, name = :name, url = :url,
                               auth_username = :username, auth_password = :password, state = :state
                         WHERE guid = :guid""")
                .bindMethods(b).bind("state", b.state().name()).execute());
    }

    @Override
    public void updateState(String guid, ServiceBrokerState state, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE service_brokers SET state = :s, updated_at = :at WHERE guid = :g")
                .bind("s", state.name()).bindByType("at", at, Instant.class).bind("g", guid).execute());
    }

    @Override
    public void updateStateIf(String guid, ServiceBrokerState expected, ServiceBrokerState state, Instant at) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE service_brokers SET state = :s, updated_at = :at WHERE guid = :g AND state = :e")
                .bind("s", state.name()).bindByType("at", at, Instant.class).bind("g", guid)
                .bind("e", expected.name()).execute());
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> deleteBroker(h, guid));
    }

    private void deleteBroker(Handle h, String guid) {
        List<String> offerings = h.createQuery("SELECT guid FROM service_offerings WHERE service_broker_guid = :b")
                .bind("b", guid).mapTo(String.class).list();
        for (String offering : offerings) {
            CatalogRows.deleteOffering(h, metadata, offering);
        }
        h.execute("DELETE FROM service_broker_update_requests WHERE service_broker_guid = ?", guid);
        h.execute("DELETE FROM service_brokers WHERE guid = ?", guid);
        metadata.delete(guid);
    }

    @Override
    public boolean hasInstances(String guid) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM service_instances si
                          JOIN service_plans sp ON sp.guid = si.service_plan_guid
                          JOIN service_offerings so ON so.guid = sp.service_offering_guid
                         WHERE so.service_broker_guid = :b""")
                .bind("b", guid).mapTo(Long.class).one() > 0);
    }

    @Override
    public void saveUpdateRequest(BrokerUpdateRequest r) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO service_broker_update_requests (service_broker_guid, name, url, auth_username,
                                                                    auth_password, previous_state)
                        VALUES (:brokerGuid, :name, :url, :username, :password, :state)""")
                .bindMethods(r).bind("state", r.previousState().name()).execute());
    }

    @Override
    public Optional<BrokerUpdateRequest> findUpdateRequest(String brokerGuid) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT service_broker_guid, name, url, auth_username, auth_password, previous_state
                          FROM service_broker_update_requests WHERE service_broker_guid = :b""")
                .bind("b", brokerGuid)
                .map((rs, ctx) -> new BrokerUpdateRequest(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), ServiceBrokerState.valueOf(rs.getString(6))))
                .findOne());
    }

    @Override
    public void deleteUpdateRequest(String brokerGuid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM service_broker_update_requests WHERE service_broker_guid = ?",
                brokerGuid));
    }

    @Override
    public void deleteInSpace(String spaceGuid) {
        jdbi.useHandle(h -> h.createQuery("SELECT guid FROM service_brokers WHERE space_guid = :s")
                .bind("s", spaceGuid).mapTo(String.class).list().forEach(guid -> deleteBroker(h, guid)));
    }
}
