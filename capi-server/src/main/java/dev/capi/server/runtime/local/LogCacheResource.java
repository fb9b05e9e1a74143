package dev.capi.server.runtime.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.apps.Apps;
import dev.capi.domain.auth.PermissionsFactory;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.auth.TokenVerifier;
import dev.capi.domain.errors.CfException;
import dev.capi.rest.v3.support.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Log-cache's read endpoint over the local runtime's logs: {@code GET /api/v1/read/:source_id} with
 * {@code envelope_types}, {@code start_time}, {@code end_time}, {@code limit} (1..1000, default 100) and
 * {@code descending}, answering {@code {"envelopes":{"batch":[...]}}} of LOG envelopes. As log-cache does, a caller
 * without a valid token or who may not see the app gets 404; bad parameters get 400.
 */
@Path("/api/v1/read")
@Public
public final class LogCacheResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LIMIT = 1000;

    private final AppLogs logs;
    private final Apps apps;
    private final PermissionsFactory permissions;
    private final TokenVerifier verifier;

    @jakarta.inject.Inject
    public LogCacheResource(AppLogs logs, Apps apps, PermissionsFactory permissions, TokenVerifier verifier) {
        this.logs = logs;
        this.apps = apps;
        this.permissions = permissions;
        this.verifier = verifier;
    }

    @GET
    @Path("/{source_id}")
    public Response read(@PathParam("source_id") String sourceId, @HeaderParam("Authorization") String authorization,
                         @QueryParam("envelope_types") List<String> envelopeTypes,
                         @QueryParam("start_time") String startTime, @QueryParam("end_time") String endTime,
                         @QueryParam("limit") String limit, @QueryParam("descending") String descending) {
        if (!mayRead(sourceId, authorization)) {
            return json(404, JSON.createObjectNode().put("error", "not found"));
        }
        long start;
        long end;
        int max;
        try {
            start = startTime == null || startTime.isBlank() ? 0 : Long.parseLong(startTime.trim());
            end = endTime == null || endTime.isBlank() ? Long.MAX_VALUE : Long.parseLong(endTime.trim());
            max = limit == null || limit.isBlank() ? 100 : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            return json(400, JSON.createObjectNode().put("error", "start_time, end_time and limit must be integers"));
        }
        if (max < 1 || max > MAX_LIMIT) {
            return json(400, JSON.createObjectNode().put("error", "limit must be between 1 and " + MAX_LIMIT));
        }
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode batch = doc.putObject("envelopes").putArray("batch");
        if (wantsLogs(envelopeTypes)) {
            for (AppLogs.LogLine line : logs.read(sourceId, start, end, max, "true".equalsIgnoreCase(descending))) {
                batch.add(envelope(line));
            }
        }
        return json(200, doc);
    }

    private boolean mayRead(String appGuid, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer ", 0, 7)) {
            return false;
        }
        try {
            Principal principal = verifier.verify(authorization.substring(7).trim());
            if (!principal.hasReadScope()) {
                return false;
            }
            apps.get(permissions.of(principal), appGuid);
            return true;
        } catch (CfException e) {
            return false;
        }
    }

    /** No {@code envelope_types}, or LOG among them (ANY too); the local runtime keeps only logs. */
    private static boolean wantsLogs(List<String> types) {
        if (types == null || types.isEmpty()) {
            return true;
        }
        return types.stream().flatMap(t -> List.of(t.split(",")).stream()).map(String::trim)
                .anyMatch(t -> t.equalsIgnoreCase("LOG") || t.equalsIgnoreCase("ANY"));
    }

    private static ObjectNode envelope(AppLogs.LogLine line) {
        ObjectNode e = JSON.createObjectNode();
        e.put("timestamp", Long.toString(line.timestampNanos()));
        e.put("source_id", line.sourceId());
        e.put("instance_id", line.instanceId());
        e.putObject("deprecated_tags");
        e.putObject("tags").put("source_type", line.sourceType());
        ObjectNode log = e.putObject("log");
        log.put("payload", Base64.getEncoder().encodeToString(line.text().getBytes(StandardCharsets.UTF_8)));
        log.put("type", line.stderr() ? "ERR" : "OUT");
        return e;
    }

    private static Response json(int status, ObjectNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }
}
