package dev.capi.domain.fakes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.servicebindings.AppBoundServices;
import dev.capi.domain.servicebindings.BindableInstance;
import dev.capi.domain.servicebindings.BindableInstances;
import dev.capi.domain.servicebindings.BindingRequest;
import dev.capi.domain.servicebindings.BoundService;
import dev.capi.domain.servicebindings.CredentialBindingRepository;
import dev.capi.domain.servicebindings.PollSchedule;
import dev.capi.domain.servicebindings.RouteBindingRepository;
import dev.capi.domain.servicebindings.SyslogDrains;
import dev.capi.model.BindingOperation;
import dev.capi.model.ServiceCredentialBinding;
import dev.capi.model.ServiceRouteBinding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Service bindings in memory: credential and route binding rows with their requests and poll schedules, the bindable
 * instances a test seeds, and the app-bound services and syslog drains read from them.
 */
public final class InMemoryServiceBindings {
    public final Map<String, BindableInstance> instanceRows = new LinkedHashMap<>();
    public final Credentials credentials = new Credentials();
    public final Routes routes = new Routes();
    public final BindableInstances instances = new BindableInstances() {
        @Override
        public Optional<BindableInstance> find(String guid) {
            return Optional.ofNullable(instanceRows.get(guid));
        }

        @Override
        public Optional<BindableInstance> named(String spaceGuid, String name) {
            return instanceRows.values().stream().filter(i -> i.name().equals(name)
                    && i.allSpaceGuids().contains(spaceGuid)).findFirst();
        }
    };

    /** The instance as {@code VCAP_SERVICES} reads it. */
    public final AppBoundServices boundServices = appGuid -> {
        var newest = new LinkedHashMap<String, BoundService>();
        credentials.rows.values().stream()
                .filter(b -> appGuid.equals(b.appGuid())
                        && b.lastOperation().is(BindingOperation.CREATE, BindingOperation.SUCCEEDED))
                .forEach(b -> {
                    BindableInstance i = instanceRows.get(b.serviceInstanceGuid());
                    var plan = i.plan();
                    newest.put(i.guid(), new BoundService(b.guid(), b.name(), b.credentials(), b.syslogDrainUrl(),
                            b.volumeMounts(), i.guid(), i.name(), i.userProvided(), i.tags(),
                            plan == null ? null : plan.offeringName(), null, List.of(),
                            plan == null ? null : plan.planName()));
                });
        return List.copyOf(newest.values());
    };

    /** The drains a test seeds, in URL order; batches are slices of it. */
    public final List<SyslogDrains.Drain> drains = new ArrayList<>();
    public final SyslogDrains syslogDrains = (offset, size) -> drains.subList(Math.min(offset, drains.size()),
            Math.min(offset + size, drains.size()));

    /** Shared row machinery of both binding kinds. */
    abstract static class Rows<T> {
        final Map<String, T> rows = new LinkedHashMap<>();
        final Map<String, BindingRequest> requests = new HashMap<>();
        final Map<String, PollSchedule> schedules = new HashMap<>();

        abstract String guid(T row);

        public synchronized Optional<T> find(String guid) {
            return Optional.ofNullable(rows.get(guid));
        }

        public synchronized List<T> all() {
            return List.copyOf(rows.values());
        }

        synchronized void put(T row, BindingRequest request) {
            rows.put(guid(row), row);
            requests.put(guid(row), request);
        }

        public synchronized void update(T row) {
            rows.put(guid(row), row);
        }

        public synchronized void delete(String guid) {
            rows.remove(guid);
            requests.remove(guid);
            schedules.remove(guid);
        }

        public synchronized Optional<BindingRequest> request(String guid) {
            return Optional.ofNullable(requests.get(guid));
        }

        public synchronized void recordActor(String guid, String actorGuid, String actorName) {
            BindingRequest r = requests.get(guid);
            requests.put(guid, new BindingRequest(r == null ? null : r.parameters(), actorGuid, actorName));
        }

        public synchronized void clearParameters(String guid) {
            BindingRequest r = requests.get(guid);
            if (r != null) {
                requests.put(guid, new BindingRequest(null, r.actorGuid(), r.actorName()));
            }
        }

        public synchronized void schedule(String guid, PollSchedule schedule) {
            schedules.put(guid, schedule);
        }

        public synchronized Optional<PollSchedule> schedule(String guid) {
            return Optional.ofNullable(schedules.get(guid));
        }

        public synchronized void unschedule(String guid) {
            schedules.remove(guid);
        }

        public synchronized List<String> claimDue(Instant now, int limit) {
            return schedules.entrySet().stream().filter(e -> !e.getValue().nextPollAt().isAfter(now))
                    .map(Map.Entry::getKey).limit(limit).toList();
        }
    }

    /** Credential bindings. */
    public static final class Credentials extends Rows<ServiceCredentialBinding>
            implements CredentialBindingRepository {
        @Override
        String guid(ServiceCredentialBinding row) {
            return row.guid();
        }

        @Override
        public synchronized Page<ServiceCredentialBinding> list(ListQuery query) {
            List<ServiceCredentialBinding> found = new ArrayList<>(rows.values());
            var instanceGuids = query.filter("service_instance_guids");
            if (instanceGuids != null) {
                found.removeIf(b -> !instanceGuids.contains(b.serviceInstanceGuid()));
            }
            return new Page<>(found, found.size());
        }

        @Override
        public synchronized List<ServiceCredentialBinding> appBindings(String instanceGuid, String appGuid) {
            return rows.values().stream().filter(b -> instanceGuid.equals(b.serviceInstanceGuid())
                    && appGuid.equals(b.appGuid())).toList();
        }

        @Override
        public synchronized Optional<ServiceCredentialBinding> key(String instanceGuid, String name) {
            return rows.values().stream().filter(b -> b.isKey() && instanceGuid.equals(b.serviceInstanceGuid())
                    && name.equals(b.name())).findFirst();
        }

        @Override
        public synchronized boolean appBindingNamed(String appGuid, String name, String instanceGuid) {
            return rows.values().stream().anyMatch(b -> appGuid.equals(b.appGuid()) && name.equals(b.name())
                    && !instanceGuid.equals(b.serviceInstanceGuid()));
        }

        @Override
        public void insert(ServiceCredentialBinding binding, BindingRequest request) {
            put(binding, request);
        }

        @Override
        public synchronized List<String> ofInstance(String instanceGuid) {
            return rows.values().stream().filter(b -> instanceGuid.equals(b.serviceInstanceGuid()))
                    .map(ServiceCredentialBinding::guid).toList();
        }

        @Override
        public synchronized List<String> ofApp(String appGuid) {
            return rows.values().stream().filter(b -> appGuid.equals(b.appGuid()))
                    .map(ServiceCredentialBinding::guid).toList();
        }

        @Override
        public List<String> inOrganization(String organizationGuid) {
            return List.of();
        }

        @Override
        public synchronized List<String> inSpace(String spaceGuid) {
            return rows.values().stream().filter(b -> spaceGuid.equals(b.spaceGuid()))
                    .map(ServiceCredentialBinding::guid).toList();
        }
    }

    /** Route bindings. */
    public static final class Routes extends Rows<ServiceRouteBinding> implements RouteBindingRepository {
        @Override
        String guid(ServiceRouteBinding row) {
            return row.guid();
        }

        @Override
        public synchronized Page<ServiceRouteBinding> list(ListQuery query) {
            List<ServiceRouteBinding> found = List.copyOf(rows.values());
            return new Page<>(found, found.size());
        }

        @Override
        public synchronized Optional<ServiceRouteBinding> binding(String instanceGuid, String routeGuid) {
            return rows.values().stream().filter(b -> instanceGuid.equals(b.serviceInstanceGuid())
                    && routeGuid.equals(b.routeGuid())).findFirst();
        }

        @Override
        public synchronized Optional<String> instanceOfRoute(String routeGuid) {
            return rows.values().stream().filter(b -> routeGuid.equals(b.routeGuid()))
                    .map(ServiceRouteBinding::serviceInstanceGuid).findFirst();
        }

        @Override
        public void insert(ServiceRouteBinding binding, BindingRequest request) {
            put(binding, request);
        }

        @Override
        public synchronized List<String> ofInstance(String instanceGuid) {
            return rows.values().stream().filter(b -> instanceGuid.equals(b.serviceInstanceGuid()))
                    .map(ServiceRouteBinding::guid).toList();
        }

        @Override
        public synchronized List<String> ofRoute(String routeGuid) {
            return rows.values().stream().filter(b -> routeGuid.equals(b.routeGuid()))
                    .map(ServiceRouteBinding::guid).toList();
        }

        @Override
        public List<String> inOrganization(String organizationGuid) {
            return List.of();
        }

        @Override
        public synchronized List<String> inSpace(String spaceGuid) {
            return rows.values().stream().filter(b -> spaceGuid.equals(b.spaceGuid()))
                    .map(ServiceRouteBinding::guid).toList();
        }
    }
}
