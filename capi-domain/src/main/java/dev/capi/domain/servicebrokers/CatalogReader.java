package dev.capi.domain.servicebrokers;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.support.JsonText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.capi.domain.servicebrokers.CatalogChecks.*;

/**
 * Reads a broker's {@code GET /v2/catalog} body into a {@link BrokerCatalog}, validating it as the reference's
 * V2::Catalog, CatalogService and CatalogPlan do; every problem is collected and the job fails with
 * {@code ServiceBrokerCatalogInvalid} and the reference's formatted text. What the broker already offers (for the
 * "names taken" and "plan ids" checks) comes from {@link ExistingCatalog}.
 */
public final class CatalogReader {
    private static final Set<String> SUPPORTED_REQUIRES = Set.of("syslog_drain", "route_forwarding", "volume_mount");
    private static final Set<String> MAINTENANCE_INFO_KEYS = Set.of("version", "description");
    private static final Pattern SEMVER = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    /** What the broker offered before: offerings (with whether instances use them) and plans, by catalog id. */
    public interface ExistingCatalog {
        List<ExistingOffering> offerings();

        List<ExistingPlan> plans();

        static ExistingCatalog none() {
            return new ExistingCatalog() {
                @Override
                public List<ExistingOffering> offerings() {
                    return List.of();
                }

                @Override
                public List<ExistingPlan> plans() {
                    return List.of();
                }
            };
        }
    }

    public record ExistingOffering(String catalogId, String name, boolean hasInstances) {
    }

    public record ExistingPlan(String catalogId, String name, String offeringCatalogId, String offeringName,
                               String brokerName) {
    }

    private final boolean routeServicesEnabled;
    private final boolean volumeServicesEnabled;

    public CatalogReader(boolean routeServicesEnabled, boolean volumeServicesEnabled) {
        this.routeServicesEnabled = routeServicesEnabled;
        this.volumeServicesEnabled = volumeServicesEnabled;
    }

    public BrokerCatalog read(Map<String, Object> body, ExistingCatalog existing) {
        CatalogErrors errors = new CatalogErrors();
        List<BrokerCatalog.Offering> offerings = new ArrayList<>();
        List<Map<String, Object>> rawServices = new ArrayList<>();
        Object services = body.getOrDefault("services", List.of());
        if (services instanceof List<?> list) {
            for (Object o : list) {
                rawServices.add(o instanceof Map<?, ?> m ? stringKeys(m) : Map.of());
            }
        }
        List<String> names = new ArrayList<>();
        for (Map<String, Object> raw : rawServices) {
            CatalogErrors serviceErrors = new CatalogErrors();
            BrokerCatalog.Offering offering = offering(raw, serviceErrors);
            errors.addNested("Service " + raw.get("name"), serviceErrors);
            offerings.add(offering);
            names.add(String.valueOf(raw.get("name")));
        }
        if (rawServices.isEmpty()) {
            errors.add("Service broker must provide at least one service");
        }
        List<Object> ids = rawServices.stream().map(s -> s.get("id")).filter(id -> id != null).toList();
        if (duplicates(ids)) {
            errors.add("Service ids must be unique");
        }
        if (duplicates(names)) {
            errors.add("Service names must be unique within a broker");
        }
        List<String> taken = existing.offerings().stream()
                .filter(o -> names.contains(o.name()) && o.hasInstances())
                .filter(o -> rawServices.stream().noneMatch(s -> o.name().equals(s.get("name"))
                        && o.catalogId().equals(s.get("id"))))
                .map(ExistingOffering::name).toList();
        if (!taken.isEmpty()) {
            errors.add("Service names must be unique within a broker. Services with names "
                    + RubyInspect.of(taken) + " already exist");
        }
        planIdsUnique(offerings, existing, errors);
        if (!errors.isEmpty()) {
            throw CfException.of(CfError.ServiceBrokerCatalogInvalid, errors.format());
        }
        compatible(offerings);
        return new BrokerCatalog(offerings);
    }

    private void compatible(List<BrokerCatalog.Offering> offerings) {
        CatalogErrors errors = new CatalogErrors();
        for (var o : offerings) {
            if (o.requires().contains("route_forwarding") && !routeServicesEnabled) {
                errors.add("Service " + o.name()
                        + " is declared to be a route service but support for route services is disabled.");
            }
            if (o.requires().contains("volume_mount") && !volumeServicesEnabled) {
                errors.add("Service " + o.name()
                        + " is declared to be a volume mount service but support for volume mount services is disabled.");
            }
        }
        if (!errors.isEmpty()) {
            throw CfException.of(CfError.ServiceBrokerCatalogIncompatible, errors.format());
        }
    }

    private static void planIdsUnique(List<BrokerCatalog.Offering> offerings, ExistingCatalog existing,
                                      CatalogErrors errors) {
        Map<String, String[]> seen = new HashMap<>();
        for (var o : offerings) {
            for (var p : o.plans()) {
                if (p.catalogId() == null) {
                    continue;
                }
                String[] first = seen.get(p.catalogId());
                if (first != null) {
                    errors.add("Plan ids must be unique. Unable to register plan with id '" + p.catalogId()
                            + "' (plan name '" + p.name() + "', service name '" + o.name()
                            + "') because it uses the same id as another plan in the catalog (plan name '" + first[0]
                            + "', service name '" + first[1] + "')");
                }
                seen.put(p.catalogId(), new String[]{p.name(), o.name(), o.catalogId()});
            }
        }
        for (ExistingPlan p : existing.plans()) {
            String[] now = seen.get(p.catalogId());
            if (now != null && !p.offeringCatalogId().equals(now[2])) {
                errors.add("Plan ids must be unique. Unable to register plan with id '" + p.catalogId()
                        + "' (plan name '" + now[0] + "', service name '" + now[1]
                        + "') because it uses the same id as an existing plan (plan name '" + p.name()
                        + "', service name '" + p.offeringName() + "', broker name '" + p.brokerName() + "')");
            }
        }
    }

    private static BrokerCatalog.Offering offering(Map<String, Object> s, CatalogErrors errors) {
        Object plansData = s.get("plans");
        Object tags = s.getOrDefault("tags", List.of());
        Object requires = s.getOrDefault("requires", List.of());
        Object metadata = s.get("metadata");
        Object planUpdateable = s.get("plan_updateable") == null ? Boolean.FALSE : s.get("plan_updateable");
        Object bindingsRetrievable = s.getOrDefault("bindings_retrievable", false);
        Object instancesRetrievable = s.getOrDefault("instances_retrievable", false);
        Object allowContextUpdates = s.getOrDefault("allow_context_updates", false);

        string(errors, "Service id", s.get("id"), true);
        string(errors, "Service name", s.get("name"), true);
        description(errors, "Service description", s.get("description"));
        bool(errors, "Service \"bindable\" field", s.get("bindable"), true);
        bool(errors, "Service \"plan_updateable\" field", planUpdateable, true);
        bool(errors, "Service \"bindings_retrievable\" field", bindingsRetrievable, false);
        bool(errors, "Service \"instances_retrievable\" field", instancesRetrievable, false);
        bool(errors, "Service \"allow_context_updates\" field", allowContextUpdates, false);
        if (!arrayOfStrings(errors, "Service tags", tags)) {
            int length = ((List<?>) tags).stream().mapToInt(t -> ((String) t).length()).sum();
            if (length > 2048) {
                errors.add("Tags for the service " + s.get("name") + " must be 2048 characters or less.");
            }
        }
        arrayOfStrings(errors, "Service \"requires\" field", requires);
        if (metadata != null) {
            hash(errors, "Service metadata", metadata);
            if (metadata instanceof Map<?, ?> m) {
                bool(errors, "Service metadata shareable", m.get("shareable"), false);
            }
        }
        dashboardClient(errors, s.get("dashboard_client"));
        if (requires instanceof List<?> list) {
            for (Object v : list) {
                if (!SUPPORTED_REQUIRES.contains(v)) {
                    errors.add("Service \"requires\" field contains unsupported value \"" + v + "\"");
                }
            }
        }

        List<BrokerCatalog.Plan> plans = new ArrayList<>();
        if (plansData == null || plansData instanceof List<?> l && l.isEmpty()) {
            errors.add("At least one plan is required");
        } else if (!(plansData instanceof List<?> list) || !list.stream().allMatch(p -> p instanceof Map)) {
            errors.add("Service plans list must be an array of hashes, but has value " + RubyInspect.of(plansData));
        } else {
            int before = errors.count();
            for (Object p : list) {
                Map<String, Object> raw = stringKeys((Map<?, ?>) p);
                CatalogErrors planErrors = new CatalogErrors();
                plans.add(plan(raw, planErrors));
                errors.addNested("Plan " + raw.get("name"), planErrors);
            }
            if (errors.count() == before && plans.stream().allMatch(x -> x != null)) {
                uniquePlans(errors, String.valueOf(s.get("name")), plans);
            }
        }
        return new BrokerCatalog.Offering(str(s.get("id")), str(s.get("name")), str(s.get("description")),
                Boolean.TRUE.equals(s.get("bindable")), Boolean.TRUE.equals(planUpdateable),
                Boolean.TRUE.equals(instancesRetrievable), Boolean.TRUE.equals(bindingsRetrievable),
                Boolean.TRUE.equals(allowContextUpdates), strings(tags), strings(requires),
                metadata instanceof Map<?, ?> m ? stringKeys(m) : Map.of(), plans);
    }

    private static void uniquePlans(CatalogErrors errors, String service, List<BrokerCatalog.Plan> plans) {
        for (String id : duplicateValues(plans.stream().map(BrokerCatalog.Plan::catalogId).toList())) {
            errors.add("Plan ids must be unique. Service " + service + " already has a plan with id '" + id + "'");
        }
        for (String name : duplicateValues(plans.stream().map(BrokerCatalog.Plan::name).toList())) {
            errors.add("Plan names must be unique within a service. Service " + service
                    + " already has a plan named " + name);
        }
    }

    private static void dashboardClient(CatalogErrors errors, Object client) {
        if (client == null) {
            return;
        }
        if (!(client instanceof Map<?, ?> m)) {
            errors.add("Service dashboard client attributes must be a hash, but has value " + RubyInspect.of(client));
            return;
        }
        string(errors, "Service dashboard client id", m.get("id"), true);
        string(errors, "Service dashboard client secret", m.get("secret"), true);
        string(errors, "Service dashboard client redirect_uri", m.get("redirect_uri"), true);
    }

    private static BrokerCatalog.Plan plan(Map<String, Object> p, CatalogErrors errors) {
        Object free = p.get("free");
        Object metadata = p.get("metadata");
        Object maintenanceInfo = p.get("maintenance_info");
        Object schemas = p.get("schemas");
        Object pollingDuration = p.get("maximum_polling_duration");
        string(errors, "Plan id", p.get("id"), true);
        string(errors, "Plan name", p.get("name"), true);
        description(errors, "Plan description", p.get("description"));
        if (metadata != null) {
            hash(errors, "Plan metadata", metadata);
        }
        if (free != null && !Boolean.FALSE.equals(free)) {
            bool(errors, "Plan free", free, false);
        }
        if (p.get("bindable") != null && !Boolean.FALSE.equals(p.get("bindable"))) {
            bool(errors, "Plan bindable", p.get("bindable"), false);
        }
        if (p.get("plan_updateable") != null && !Boolean.FALSE.equals(p.get("plan_updateable"))) {
            bool(errors, "Plan updateable", p.get("plan_updateable"), false);
        }
        if (pollingDuration != null && !(pollingDuration instanceof Integer || pollingDuration instanceof Long)) {
            errors.add("Maximum polling duration must be an integer, but has value " + RubyInspect.of(pollingDuration));
        }
        if (schemas != null) {
            hash(errors, "Plan schemas", schemas);
        }
        if (maintenanceInfo != null) {
            maintenanceInfo(errors, maintenanceInfo);
        }
        Map<String, Object> schemaMap = schemas instanceof Map<?, ?> m ? stringKeys(m) : Map.of();
        if (schemas instanceof Map<?, ?>) {
            CatalogErrors schemaErrors = new CatalogErrors();
            schemas(schemaMap, schemaErrors);
            errors.addNested("Schemas", schemaErrors);
        }
        return new BrokerCatalog.Plan(str(p.get("id")), str(p.get("name")), str(p.get("description")),
                free == null || Boolean.TRUE.equals(free),
                p.get("bindable") instanceof Boolean b ? b : null,
                p.get("plan_updateable") instanceof Boolean b ? b : null,
                pollingDuration instanceof Number n ? n.intValue() : null,
                maintenanceInfo instanceof Map<?, ?> m ? stringKeys(m) : null,
                metadata instanceof Map<?, ?> m ? stringKeys(m) : Map.of(), schemaMap);
    }

    private static void maintenanceInfo(CatalogErrors errors, Object info) {
        hash(errors, "Maintenance info", info);
        Map<?, ?> m = info instanceof Map<?, ?> map ? map : Map.of();
        Object version = m.get("version");
        string(errors, "Maintenance info version", version, true);
        if (!(version instanceof String v && SEMVER.matcher(v).matches())) {
            errors.add("Maintenance info version must be a Semantic Version, but has value " + RubyInspect.of(version));
        }
        string(errors, "Maintenance info description", m.get("description"), false);
        int length = JsonText.write(info).length();
        if (length > 2000) {
            errors.add("Maintenance info must serialize to 2000 characters or fewer in JSON, but serializes to "
                    + length + " characters");
        }
        Set<String> extra = new LinkedHashSet<>();
        m.keySet().forEach(k -> {
            if (!MAINTENANCE_INFO_KEYS.contains(String.valueOf(k))) {
                extra.add(String.valueOf(k));
            }
        });
        if (!extra.isEmpty()) {
            errors.add("Maintenance info contains invalid key(s): " + String.join(", ", extra));
        }
    }
}
