package dev.capi.rest.internal.logging;

import dev.capi.domain.errors.CfException;
import dev.capi.rest.internal.support.InternalJson;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /internal/v5/syslog_drain_urls?batch_size=&next_id=}: the syslog drains of apps bound to user-provided
 * service instances with a {@code syslog_drain_url}, in batches. Service bindings do not exist in this build yet, so
 * every batch is empty and {@code next_id} is null — exactly what Loggregator expects when no app has a drain.
 */
@Path("/internal/v5/syslog_drain_urls")
public final class SyslogDrainUrlsResource {
    @GET
    public Response list(@QueryParam("batch_size") String batchSize, @QueryParam("next_id") String nextId) {
        requireNonNegativeInteger("batch_size", batchSize);
        requireNonNegativeInteger("next_id", nextId);
        var doc = InternalJson.object();
        doc.putObject("results");
        doc.putNull("next_id");
        return Response.ok(InternalJson.write(doc), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static void requireNonNegativeInteger(String name, String value) {
        if (value != null && !value.matches("\\d{1,9}")) {
            throw CfException.badQuery(name + " must be a non-negative integer");
        }
    }
}
