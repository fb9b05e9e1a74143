package dev.capi.rest.v3.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.manifests.AppManifest;
import dev.capi.model.MetadataUpdate;
import dev.capi.rest.v3.support.JsonSupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a manifest document into {@link AppManifest}s, checking every application first and answering all problems
 * at once ("For application 'x': ..." or "For application at index n: ..."), as the reference's compound 422.
 */
final class ManifestMessages {
    private static final List<String> CHECK_TYPES = List.of("port", "process", "http", "none");

    private ManifestMessages() {
    }

    /** The applications of a parsed manifest document; 422 when the document or any application is invalid. */
    static List<AppManifest> applications(JsonNode doc) {
        JsonNode version = doc.get("version");
        if (version != null && !(version.isInt() && version.asInt() == 1)) {
            throw CfException.unprocessable("Unsupported manifest schema version. Currently supported versions: [1].");
        }
        JsonNode apps = doc.get("applications");
        if (apps == null || !apps.isArray() || apps.isEmpty()) {
            throw CfException.unprocessable("Cannot parse manifest with no 'applications' field.");
        }
        List<AppManifest> manifests = new ArrayList<>();
        List<CfException> errors = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            JsonNode app = apps.get(i);
            List<String> problems = new ArrayList<>();
            AppManifest m = app.isObject() ? application(app, problems) : null;
            if (m == null && problems.isEmpty()) {
                problems.add("Application must be an object");
            }
            String prefix = m != null && m.name() != null ? "For application '" + m.name() + "': "
                    : "For application at index " + i + ": ";
            problems.forEach(p -> errors.add(CfException.unprocessable(prefix + p)));
            manifests.add(m);
        }
        if (!errors.isEmpty()) {
            throw CfException.compound(errors);
        }
        return manifests;
    }

    private static AppManifest application(JsonNode app, List<String> problems) {
        String name = ManifestValues.string(app, "name", problems, "Name");
        if (name == null && !problems.contains("Name must be a string")) {
            problems.add("Name must not be empty");
        }
        Map<String, Object> env = null;
        JsonNode envNode = app.get("env");
        if (envNode != null && !envNode.isNull()) {
            if (!envNode.isObject()) {
                problems.add("Env must be an object of keys and values");
            } else {
                env = new LinkedHashMap<>();
                var fields = envNode.fields();
                while (fields.hasNext()) {
                    var f = fields.next();
                    env.put(f.getKey(), f.getValue().isTextual() ? f.getValue().asText()
                            : JsonSupport.MAPPER.convertValue(f.getValue(), Object.class));
                }
            }
        }
        List<AppManifest.Process> processes = new ArrayList<>();
        AppManifest.Process web = process("web", app, problems);
        if (web != null) {
            processes.add(web);
        }
        JsonNode list = app.get("processes");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                problems.add("Processes must be an array of process configurations");
            } else {
                for (JsonNode p : list) {
                    String type = p.path("type").isTextual() ? p.path("type").asText() : null;
                    if (type == null || type.isBlank()) {
                        problems.add("All Processes must specify a type");
                        continue;
                    }
                    AppManifest.Process parsed = process(type, p, problems);
                    processes.removeIf(x -> x.type().equals(type) && "web".equals(type));
                    processes.add(parsed != null ? parsed : new AppManifest.Process(type, null, null, null, null,
                            null, null, null, null, null));
                }
            }
        }
        List<String> buildpacks = buildpacks(app, problems);
        String stack = ManifestValues.string(app, "stack", problems, "Stack");
        String docker = null;
        JsonNode dockerNode = app.get("docker");
        if (dockerNode != null && !dockerNode.isNull()) {
            docker = dockerNode.path("image").isTextual() ? dockerNode.path("image").asText() : null;
            if (docker == null) {
                problems.add("Docker image must be a string");
            }
        }
        Boolean noRoute = ManifestValues.bool(app, "no-route", problems, "No-route");
        Boolean randomRoute = ManifestValues.bool(app, "random-route", problems, "Random-route");
        Boolean defaultRoute = ManifestValues.bool(app, "default-route", problems, "Default-route");
        if (Boolean.TRUE.equals(randomRoute) && Boolean.TRUE.equals(defaultRoute)) {
            problems.add("Random-route and default-route may not be used together");
        }
        List<AppManifest.RouteEntry> routes = routes(app, problems);
        List<String> services = services(app, problems);
        MetadataUpdate metadata = metadata(app, problems);
        return new AppManifest(name, env, processes, buildpacks, stack, docker, noRoute, randomRoute, defaultRoute,
                routes, services, metadata, sidecars(app, problems));
    }

    /** The process fields of {@code node} (an app's top level for web, or a processes entry); null when none. */
    private static AppManifest.Process process(String type, JsonNode node, List<String> problems) {
        List<String> own = new ArrayList<>();
        String command = ManifestValues.string(node, "command", own, "Command");
        Integer instances = ManifestValues.nonNegativeInt(node, "instances", own, "Instances");
        Long memory = ManifestValues.megabytes(node, "memory", own, "Memory");
        Long disk = ManifestValues.megabytes(node, node.has("disk-quota") ? "disk-quota" : "disk_quota", own, "Disk quota");
        Long logRate = ManifestValues.logRate(node, own);
        String checkType = ManifestValues.string(node, "health-check-type", own, "Health check type");
        if (checkType != null && !CHECK_TYPES.contains(checkType)) {
            own.add("Health check type must be \"port\", \"process\", \"http\" or \"none\"");
        }
        String endpoint = ManifestValues.string(node, "health-check-http-endpoint", own, "Health check http endpoint");
        Integer timeout = ManifestValues.positiveInt(node, "timeout", own, "Timeout");
        Integer invocation = ManifestValues.positiveInt(node, "health-check-invocation-timeout", own,
                "Health check invocation timeout");
        own.forEach(p -> problems.add("Process \"" + type + "\": " + p));
        boolean any = command != null || instances != null || memory != null || disk != null || logRate != null
                || checkType != null || endpoint != null || timeout != null || invocation != null;
        return any || !"web".equals(type) ? new AppManifest.Process(type, command, instances, memory, disk, logRate,
                checkType, endpoint, timeout, invocation) : null;
    }

    private static List<String> buildpacks(JsonNode app, List<String> problems) {
        JsonNode list = app.get("buildpacks");
        JsonNode single = app.get("buildpack");
        if (list != null && single != null) {
            problems.add("Buildpack and Buildpacks fields cannot be used together.");
            return null;
        }
        if (single != null && !single.isNull()) {
            if (!single.isTextual()) {
                problems.add("Buildpack must be a string");
                return null;
            }
            return single.asText().equals("default") || single.asText().equals("null") ? List.of()
                    : List.of(single.asText());
        }
        if (list == null || list.isNull()) {
            return null;
        }
        if (!list.isArray()) {
            problems.add("Buildpacks must be a list of strings");
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode b : list) {
            if (!b.isTextual()) {
                problems.add("Buildpacks must be a list of strings");
                return null;
            }
            names.add(b.asText());
        }
        return names;
    }

    private static List<AppManifest.RouteEntry> routes(JsonNode app, List<String> problems) {
        JsonNode list = app.get("routes");
        if (list == null || list.isNull()) {
            return null;
        }
        if (!list.isArray()) {
            problems.add("Routes must be a list of route objects");
            return null;
        }
        List<AppManifest.RouteEntry> routes = new ArrayList<>();
        for (JsonNode r : list) {
            if (!r.isObject() || !r.path("route").isTextual() || r.path("route").asText().isBlank()) {
                problems.add("Routes must be a list of route objects");
                return null;
            }
            String route = r.get("route").asText();
            String protocol = r.path("protocol").isTextual() ? r.get("protocol").asText() : null;
            if (protocol != null && !List.of("http1", "http2", "tcp").contains(protocol)) {
                problems.add("Route protocol must be 'http1', 'http2' or 'tcp'.");
            }
            if (!route.matches("^(?:https?://|tcp://)?(?:(?:\\*|[\\w-]+)\\.)*[\\w-]+(?::\\d+)?(?:/.*)?$")) {
                problems.add("The route '" + route + "' is not a properly formed URL");
            }
            routes.add(new AppManifest.RouteEntry(route, protocol));
        }
        return routes;
    }

    private static List<AppManifest.SidecarEntry> sidecars(JsonNode app, List<String> problems) {
        JsonNode list = app.get("sidecars");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            problems.add("Sidecars must be an array of sidecar configurations");
            return List.of();
        }
        List<AppManifest.SidecarEntry> sidecars = new ArrayList<>();
        for (JsonNode s : list) {
            String name = s.path("name").isTextual() ? s.get("name").asText() : null;
            String command = s.path("command").isTextual() ? s.get("command").asText() : null;
            List<String> types = new ArrayList<>();
            s.path("process_types").forEach(t -> types.add(t.asText()));
            if (name == null || command == null || types.isEmpty()) {
                problems.add("Sidecar" + (name == null ? "" : " \"" + name + "\"")
                        + ": name, command and process_types are required");
                continue;
            }
            Long memory = null;
            if (s.has("memory")) {
                memory = ManifestValues.megabytes(s, "memory", problems, "Sidecar \"" + name + "\": Memory");
            }
            sidecars.add(new AppManifest.SidecarEntry(name, command, types, memory));
        }
        return sidecars;
    }

    private static List<String> services(JsonNode app, List<String> problems) {
        JsonNode list = app.get("services");
        if (list == null || list.isNull()) {
            return null;
        }
        if (!list.isArray()) {
            problems.add("Services must be a list of service instance names");
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode s : list) {
            String name = s.isTextual() ? s.asText() : s.path("name").isTextual() ? s.path("name").asText() : null;
            if (name == null) {
                problems.add("Services must be a list of service instance names");
                return null;
            }
            names.add(name);
        }
        return names;
    }

    private static MetadataUpdate metadata(JsonNode app, List<String> problems) {
        JsonNode m = app.get("metadata");
        if (m == null || m.isNull()) {
            return null;
        }
        if (!m.isObject()) {
            problems.add("Metadata must be an object");
            return null;
        }
        return new MetadataUpdate(ManifestValues.strings(m.get("labels"), problems, "Labels"),
                ManifestValues.strings(m.get("annotations"), problems, "Annotations"));
    }
}
