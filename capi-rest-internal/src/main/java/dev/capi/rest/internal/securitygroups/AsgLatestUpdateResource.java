package dev.capi.rest.internal.securitygroups;

import dev.capi.rest.internal.support.InternalJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import dev.capi.domain.securitygroups.SecurityGroups;

/**
 * {@code GET /internal/v4/asg_latest_update}: when application security groups last changed, so Diego knows when to
 * refetch them; {@code {"last_update": "<RFC 3339 with nanoseconds>"}}.
 */
@Path("/internal/v4/asg_latest_update")
public final class AsgLatestUpdateResource {
    private final SecurityGroups securityGroups;

    @Inject
    public AsgLatestUpdateResource(SecurityGroups securityGroups) {
        this.securityGroups = securityGroups;
    }

    private static final DateTimeFormatter RFC3339_NANOS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);


    @GET
    public Response get() {
        Instant last = securityGroups.latestUpdate();
        var doc = InternalJson.object();
        doc.put("last_update", RFC3339_NANOS.format(last == null ? Instant.EPOCH : last));
        return Response.ok(InternalJson.write(doc), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
