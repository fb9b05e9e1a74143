package dev.capi.rest.internal.logging;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.servicebindings.SyslogDrainList;
import dev.capi.rest.internal.support.InternalJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /internal/v5/syslog_drain_urls?batch_size=&next_id=}: the syslog drains of app bindings, in batches
 * (default 50 from 0): {@code {"results": [{"url", "credentials": [{"cert", "key", "ca", "apps": [{"hostname",
 * "app_id"}]}]}], "next_id": N}}; {@code next_id} is null once a batch is empty.
 */
@Path("/internal/v5/syslog_drain_urls")
public final class SyslogDrainUrlsResource {
    private final SyslogDrainList drains;

    @Inject
    public SyslogDrainUrlsResource(SyslogDrainList drains) {
        this.drains = drains;
    }

    @GET
    public Response list(@QueryParam("batch_size") String batchSize, @QueryParam("next_id") String nextId) {
        int size = nonNegativeInteger("batch_size", batchSize, 50);
        int from = nonNegativeInteger("next_id", nextId, 0);
        SyslogDrainList.Batch batch = drains.batch(from, size);
        var doc = InternalJson.object();
        ArrayNode results = doc.putArray("results");
        for (SyslogDrainList.DrainUrl url : batch.results()) {
            ObjectNode u = results.addObject();
            u.put("url", url.url());
            ArrayNode credentials = u.putArray("credentials");
            for (SyslogDrainList.DrainCredentials c : url.credentials()) {
                ObjectNode cred = credentials.addObject();
                cred.put("cert", c.cert());
                cred.put("key", c.key());
                cred.put("ca", c.ca());
                ArrayNode apps = cred.putArray("apps");
                c.apps().forEach(a -> apps.addObject().put("hostname", a.hostname()).put("app_id", a.appId()));
            }
        }
        if (batch.nextId() == null) {
            doc.putNull("next_id");
        } else {
            doc.put("next_id", batch.nextId());
        }
        return Response.ok(InternalJson.write(doc), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static int nonNegativeInteger(String name, String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (!value.matches("\\d{1,9}")) {
            throw CfException.badQuery(name + " must be a non-negative integer");
        }
        return Integer.parseInt(value);
    }
}
