package dev.capi.domain.servicebrokers;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.spaces.WritableSpaces;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.AuditEvent;
import dev.capi.model.Job;
import dev.capi.model.Metadata;
import dev.capi.model.RoleType;
import dev.capi.model.ServiceBroker;
import dev.capi.model.ServiceBrokerState;
import dev.capi.model.Space;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The service broker use cases: list and get (global brokers for global readers; space-scoped ones also for space
 * developers and supporters of their space), register (a {@code service_broker.catalog.synchronize} job), update
 * (a {@code service_broker.update} job when name, URL or credentials change, else metadata only) and delete (a
 * {@code service_broker.delete} job; refused while instances exist). Admins manage global brokers; space developers
 * manage the brokers of their space.
 */
public final class ServiceBrokers {
    public static final String SYNCHRONIZE_JOB = "service_broker.catalog.synchronize";
    public static final String UPDATE_JOB = "service_broker.update";
    public static final String DELETE_JOB = "service_broker.delete";
    /** The reference's ROLES_FOR_SPACE_SERVICES_READING. */
    static final Set<RoleType> SERVICE_READERS = EnumSet.of(RoleType.SPACE_DEVELOPER, RoleType.SPACE_SUPPORTER);
    private static final String RESOURCE_TYPE = "service_brokers";

    private final ServiceBrokerRepository repository;
    private final SpaceRepository spaces;
    private final WritableSpaces writableSpaces;
    private final Transactions tx;
    private final AuditEvents audit;
    private final FeatureFlags flags;
    private final MetadataChanges metadata;
    private final Jobs jobs;
    private final Clock clock;
    private final Guids guids;

    public ServiceBrokers(ServiceBrokerRepository repository, SpaceRepository spaces, WritableSpaces writableSpaces,
                          Transactions tx, AuditEvents audit, FeatureFlags flags, MetadataChanges metadata, Jobs jobs,
                          Clock clock, Guids guids) {
        this.repository = repository;
        this.spaces = spaces;
        this.writableSpaces = writableSpaces;
        this.tx = tx;
        this.audit = audit;
        this.flags = flags;
        this.metadata = metadata;
        this.jobs = jobs;
        this.clock = clock;
        this.guids = guids;
    }

    public Page<ServiceBroker> list(Permissions perms, ListQuery query) {
        Visibility visibility = perms.canReadGlobally() ? Visibility.everything()
                : Visibility.of(perms.principal().userGuid(), SERVICE_READERS, Set.of());
        return tx.inTransaction(() -> repository.list(query.withVisibility(visibility)));
    }

    public ServiceBroker get(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            ServiceBroker broker = find(guid);
            boolean visible = perms.canReadGlobally()
                    || broker.spaceScoped() && perms.hasSpaceRole(broker.spaceGuid(), SERVICE_READERS);
            if (!visible) {
                throw notFound();
            }
            return broker;
        });
    }

    public Job create(Permissions perms, ServiceBrokerCommands.Create cmd) {
        return tx.inTransaction(() -> {
            if (cmd.spaceGuid() != null) {
                flags.require("space_scoped_private_broker_creation");
                Space space = spaces.find(cmd.spaceGuid())
                        .filter(s -> perms.canReadSpace(s.guid(), s.organizationGuid()))
                        .orElseThrow(() -> CfException.unprocessable(
                                "Invalid space. Ensure that the space exists and you have access to it."));
                requireWriter(perms, space);
            } else if (!perms.canWriteGlobally()) {
                throw CfException.notAuthorized();
            }
            if (repository.nameTaken(cmd.name(), null)) {
                throw nameTaken();
            }
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            ServiceBroker broker = new ServiceBroker(guids.next(), now, now, cmd.name(), cmd.url(), cmd.username(),
                    cmd.password(), cmd.spaceGuid(), ServiceBrokerState.SYNCHRONIZING, Metadata.empty());
            repository.insert(broker);
            metadata.apply(broker.guid(), "service_broker", Metadata.empty(), cmd.metadata());
            audit.record("audit.service_broker.create", perms.principal(), target(broker), cmd.spaceGuid(), null,
                    Map.of("request", request(cmd.name(), cmd.url(), cmd.username() != null, cmd.spaceGuid(),
                            cmd.metadata() != null)));
            return jobs.enqueue(SYNCHRONIZE_JOB, RESOURCE_TYPE, broker.guid());
        }, ServiceBrokers::nameTaken);
    }

    /** The outcome of an update: a job when the broker is asked again, else the broker with its new metadata. */
    public record UpdateOutcome(Job job, ServiceBroker broker) {
    }

    public UpdateOutcome update(Permissions perms, String guid, ServiceBrokerCommands.Update cmd) {
        return tx.inTransaction(() -> {
            ServiceBroker broker = writable(perms, guid);
            if (!cmd.needsBroker()) {
                Metadata m = metadata.apply(guid, "service_broker", broker.metadata(), cmd.metadata());
                return new UpdateOutcome(null, broker.withMetadata(m));
            }
            if (cmd.name() != null && repository.nameTaken(cmd.name(), guid)) {
                throw nameTaken();
            }
            if (broker.state().transitional()) {
                throw CfException.unprocessable("Cannot update a broker when other operation is already in progress");
            }
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            repository.deleteUpdateRequest(guid);
            repository.saveUpdateRequest(new BrokerUpdateRequest(guid, cmd.name(), cmd.url(), cmd.username(),
                    cmd.password(), broker.state()));
            repository.updateState(guid, ServiceBrokerState.SYNCHRONIZING, now);
            metadata.apply(guid, "service_broker", broker.metadata(), cmd.metadata());
            audit.record("audit.service_broker.update", perms.principal(), target(broker), broker.spaceGuid(), null,
                    Map.of("request", request(cmd.name(), cmd.url(), cmd.username() != null, null,
                            cmd.metadata() != null)));
            return new UpdateOutcome(jobs.enqueue(UPDATE_JOB, RESOURCE_TYPE, guid), null);
        });
    }

    public Job delete(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            ServiceBroker broker = writable(perms, guid);
            if (repository.hasInstances(guid)) {
                throw CfException.of(CfError.ServiceBrokerNotRemovable, broker.name());
            }
            repository.updateState(guid, ServiceBrokerState.DELETE_IN_PROGRESS,
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            return jobs.enqueue(DELETE_JOB, RESOURCE_TYPE, guid);
        });
    }

    /** Update and delete: global brokers for admins (404 to others who cannot read globally), else space writers. */
    private ServiceBroker writable(Permissions perms, String guid) {
        ServiceBroker broker = find(guid);
        if (!broker.spaceScoped()) {
            if (!perms.canReadGlobally()) {
                throw notFound();
            }
            if (!perms.canWriteGlobally()) {
                throw CfException.notAuthorized();
            }
            return broker;
        }
        Space space = spaces.find(broker.spaceGuid())
                .filter(s -> perms.canReadSpace(s.guid(), s.organizationGuid()))
                .orElseThrow(ServiceBrokers::notFound);
        requireWriter(perms, space);
        return broker;
    }

    private void requireWriter(Permissions perms, Space space) {
        if (!perms.canWriteSpace(space.guid())) {
            throw CfException.notAuthorized();
        }
        writableSpaces.requireWritableSpace(perms, space);
    }

    private ServiceBroker find(String guid) {
        return repository.find(guid).orElseThrow(ServiceBrokers::notFound);
    }

    private static CfException notFound() {
        return CfException.notFound("Service broker");
    }

    private static CfException nameTaken() {
        return CfException.unprocessable("Name must be unique");
    }

    static AuditEvent.Target target(ServiceBroker broker) {
        return new AuditEvent.Target(broker.guid(), "service_broker", broker.name());
    }

    /** The request as the reference's audit_hash records it: credentials are never written. */
    private static Map<String, Object> request(String name, String url, boolean credentials, String spaceGuid,
                                               boolean metadataGiven) {
        var m = new LinkedHashMap<String, Object>();
        if (name != null) {
            m.put("name", name);
        }
        if (url != null) {
            m.put("url", url);
        }
        if (credentials) {
            m.put("authentication", Map.of("type", "basic", "credentials", "[PRIVATE DATA HIDDEN]"));
        }
        if (spaceGuid != null) {
            m.put("relationships", Map.of("space", Map.of("data", Map.of("guid", spaceGuid))));
        }
        if (metadataGiven) {
            m.put("metadata", "[PRIVATE DATA HIDDEN]");
        }
        return m;
    }
}
