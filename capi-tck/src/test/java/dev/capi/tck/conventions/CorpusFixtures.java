package dev.capi.tck.conventions;

import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Inventory;
import dev.capi.tck.support.Multipart;
import dev.capi.tck.support.Tck;
import dev.capi.tck.support.Zips;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;

/**
 * The resources the bad-input corpus aims at, created once as admin: an org and space with an app (its web process,
 * a READY package, an AWAITING_UPLOAD droplet, a sidecar), a private domain with a route to the app, a user-provided
 * service instance bound to the app and the route, a user with a space role, a security group, an isolation segment,
 * quotas, a stack, a buildpack, a lock and a registry credential. A path parameter is filled with the guid of the
 * fixture its segment names, or with an unknown guid where there is none (brokers, plans, builds, tasks ...: the
 * request is then a 404 after its input was checked, still never a 500).
 */
final class CorpusFixtures {
    static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";
    private static final Pattern PARAM = Pattern.compile("([a-z_0-9]+)/:([a-z_]+)");

    private final Cf admin;
    /** Segment before a parameter ("apps", "spaces", "shared_spaces" ...) → the value that fills it. */
    private final Map<String, String> bySegment = new LinkedHashMap<>();
    final String org;
    final String space;
    final String app;
    final String stackName;
    /** AWAITING_UPLOAD packages for the archive kinds, which fail the package they are uploaded to (as the reference). */
    final List<String> freshPackages = new java.util.ArrayList<>();

    private CorpusFixtures(Tck tck) {
        admin = tck.admin();
        org = tck.createOrg().path("guid").asText();
        space = tck.createSpace(org).path("guid").asText();
        put("organizations", org);
        put("spaces", space);
        stackName = Tck.unique("stack");
        String stack = create("stacks", "/v3/stacks", obj("name", stackName));
        app = create("apps", "/v3/apps", obj("name", Tck.unique("app"), "relationships", obj("space", rel(space))));
        put("processes", guidOf(admin.get("/v3/apps/" + app + "/processes/web")));
        String pkg = create("packages", "/v3/packages", obj("type", "bits", "relationships", obj("app", rel(app))));
        admin.upload("POST", "/v3/packages/" + pkg + "/upload",
                new Multipart().file("bits", "app.zip", Zips.of(Map.of("app.rb", "puts 1"))));
        for (int i = 0; i < 2; i++) {
            freshPackages.add(guidOf(admin.post("/v3/packages", obj("type", "bits", "relationships",
                    obj("app", rel(app))))));
        }
        create("droplets", "/v3/droplets", obj("relationships", obj("app", rel(app))));
        create("sidecars", "/v3/apps/" + app + "/sidecars", obj("name", "corpus", "command", "sleep 1",
                "process_types", List.of("web")));
        String domain = create("domains", "/v3/domains", obj("name", Tck.unique("corpus") + ".example.com",
                "relationships", obj("organization", rel(org))));
        String route = create("routes", "/v3/routes", obj("host", "corpus", "relationships",
                obj("space", rel(space), "domain", rel(domain))));
        ApiResponse destinations = admin.post("/v3/routes/" + route + "/destinations",
                obj("destinations", List.of(obj("app", obj("guid", app)))));
        put("destinations", destinations.body().path("destinations").path(0).path("guid").asText(null));
        String instance = create("service_instances", "/v3/service_instances", obj("type", "user-provided",
                "name", Tck.unique("upsi"), "relationships", obj("space", rel(space)),
                "credentials", obj("password", "s3cret"), "route_service_url", "https://route.example.com"));
        create("service_credential_bindings", "/v3/service_credential_bindings", obj("type", "app",
                "relationships", obj("service_instance", rel(instance), "app", rel(app))));
        create("service_route_bindings", "/v3/service_route_bindings", obj("relationships",
                obj("service_instance", rel(instance), "route", rel(route))));
        Cf user = tck.newUser("corpus");
        put("users", Tck.userGuid(user));
        create("roles", "/v3/roles", obj("type", "organization_user", "relationships",
                obj("user", rel(Tck.userGuid(user)), "organization", rel(org))));
        create("security_groups", "/v3/security_groups", obj("name", Tck.unique("sg")));
        create("isolation_segments", "/v3/isolation_segments", obj("name", Tck.unique("iso")));
        create("organization_quotas", "/v3/organization_quotas", obj("name", Tck.unique("oq")));
        create("space_quotas", "/v3/space_quotas", obj("name", Tck.unique("sq"), "relationships",
                obj("organization", rel(org))));
        create("buildpacks", "/v3/buildpacks", obj("name", Tck.unique("bp"), "stack", stackName));
        create("locks", "/v3/locks", obj("title", "corpus", "relationships", obj("app", rel(app))));
        create("registry_credentials", "/v3/registry_credentials", obj("location", Tck.unique("registry")
                + ".example.com", "username", "u", "password", "p", "relationships", obj("space", rel(space))));
        put("audit_events", newest("/v3/audit_events"));
        put("app_usage_events", newest("/v3/app_usage_events"));
        put("service_usage_events", newest("/v3/service_usage_events"));
        aliases(stack);
    }

    static CorpusFixtures create(Tck tck) {
        return new CorpusFixtures(tck);
    }

    private void aliases(String stack) {
        bySegment.put("stacks", stack);
        alias("shared_spaces", "spaces");
        alias("running_spaces", "spaces");
        alias("staging_spaces", "spaces");
        alias("visibility", "organizations");
        alias("shared_organizations", "organizations");
        alias("log_access", "apps");
        alias("v4/apps", "apps");
        bySegment.put("processes/:type", "web");
        bySegment.put("instances", "0");
        bySegment.put("ssh_access", "0");
        bySegment.put("features", "ssh");
        bySegment.put("feature_flags", "diego_docker");
        bySegment.put("environment_variable_groups", "running");
        bySegment.put("buildpack_cache", stackName);
    }

    private void alias(String segment, String to) {
        bySegment.put(segment, bySegment.get(to));
    }

    /** Every value the fixtures fill parameters with (their guids, and a few names). */
    java.util.Set<String> guids() {
        java.util.Set<String> guids = new java.util.TreeSet<>(bySegment.values());
        guids.addAll(freshPackages);
        return guids;
    }

    /** The row's path with each parameter filled (unknown guid where no fixture fits). */
    String fill(Inventory.Row row) {
        Matcher m = PARAM.matcher(row.path());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String segment = m.group(1);
            String value = bySegment.get(segment + "/:" + m.group(2));
            if (value == null && (m.group(2).endsWith("guid") || m.group(2).equals("name")
                    || m.group(2).equals("type") || m.group(2).equals("index") || m.group(2).equals("stack"))) {
                value = bySegment.get(segment);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(segment + "/" + (value == null ? UNKNOWN : value)));
        }
        m.appendTail(out);
        return out.toString().replaceAll(":[a-z_]+", UNKNOWN);
    }

    private String create(String segment, String path, Object body) {
        String guid = guidOf(admin.post(path, body));
        put(segment, guid);
        return guid;
    }

    private String newest(String list) {
        return admin.get(list + "?per_page=1&order_by=-created_at").body().path("resources").path(0).path("guid")
                .asText(null);
    }

    private void put(String segment, String value) {
        if (value != null) {
            bySegment.put(segment, value);
        }
    }

    private static String guidOf(ApiResponse r) {
        if (r.status() >= 300) {
            System.out.println("bad-input corpus: fixture not created: " + r);
            return null;
        }
        return r.body().path("guid").asText(null);
    }
}
