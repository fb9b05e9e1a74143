package dev.capi.rest.v3.packages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.packages.PackageCommands;
import dev.capi.domain.packages.PackageFilter;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.ListSpec;

import java.util.ArrayList;
import java.util.List;

/** Parses and validates package requests (list parameters, bodies and the upload's {@code resources}). */
final class PackageMessages {
    /** {@code GET /v3/packages}. */
    static final ListSpec LIST = ListSpec.of(PackageFilter.LIST).labelSelector();
    /** {@code GET /v3/apps/:guid/packages}. */
    static final ListSpec APP_LIST = ListSpec.of(PackageFilter.APP_LIST).labelSelector();

    private PackageMessages() {
    }

    /** {@code POST /v3/packages?source_guid=}: the app to copy to. */
    static String copy(String raw) {
        Body body = Body.parse(raw, "relationships");
        String app = body.relationshipGuid("app", true);
        body.validate();
        return app;
    }

    static PackageCommands.Create create(String raw) {
        Body body = Body.parse(raw, "type", "relationships", "data", "metadata");
        String type = body.string("type", true, 16);
        if (type != null && !type.equals("bits") && !type.equals("docker")) {
            body.error("Type must be one of 'bits, docker'");
        }
        String app = body.relationshipGuid("app", true);
        var data = body.object("data");
        String image = null;
        String username = null;
        String password = null;
        if ("docker".equals(type)) {
            if (data == null || !data.path("image").isTextual() || data.path("image").asText().isBlank()) {
                body.error("Data Image required");
            } else {
                image = data.get("image").asText();
                username = data.path("username").isTextual() ? data.get("username").asText() : null;
                password = data.path("password").isTextual() ? data.get("password").asText() : null;
                if ((username == null) != (password == null)) {
                    body.error("Data Docker credentials must specify both username and password");
                }
            }
        } else if (data != null && !data.isEmpty()) {
            body.error("Data must be empty if provided for bits packages");
        }
        var metadata = body.metadata();
        body.validate();
        return new PackageCommands.Create(type, app, image, username, password, metadata);
    }

    static PackageCommands.Update update(String raw) {
        Body body = Body.parse(raw, "metadata", "username", "password");
        String username = body.string("username", false, 255);
        String password = body.string("password", false, 4096);
        var metadata = body.metadata();
        body.validate();
        return new PackageCommands.Update(username, password, metadata);
    }

    /** The upload's {@code resources}: v3 ({@code path, checksum.value, size_in_bytes}) or v2 ({@code fn, sha1, size}). */
    static List<PackageCommands.Resource> resources(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        JsonNode list;
        try {
            list = JsonSupport.MAPPER.readTree(raw);
        } catch (Exception e) {
            throw CfException.unprocessable("Resources must be valid JSON.");
        }
        if (list == null || !list.isArray()) {
            throw CfException.unprocessable("Resources must be valid JSON.");
        }
        List<PackageCommands.Resource> resources = new ArrayList<>();
        for (JsonNode r : list) {
            String path = text(r, "path", "fn");
            String sha1 = r.has("checksum") ? r.path("checksum").path("value").asText(null) : text(r, "sha1", "sha1");
            long size = r.has("size_in_bytes") ? r.path("size_in_bytes").asLong() : r.path("size").asLong();
            String mode = text(r, "mode", "mode");
            if (path == null || sha1 == null) {
                throw CfException.unprocessable("Resources must be valid JSON.");
            }
            resources.add(new PackageCommands.Resource(path, sha1, size, mode));
        }
        return resources;
    }

    private static String text(JsonNode r, String key, String fallback) {
        JsonNode v = r.has(key) ? r.get(key) : r.get(fallback);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
