package dev.capi.rest.internal.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.errors.ErrorDocument;
import dev.capi.domain.support.RequestIds;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The internal API's failures as the V3 error document: what to answer is {@link ErrorDocument}'s decision (shared
 * with the V3 adapter); this class only serializes it. Unexpected failures are logged with the request id.
 */
@Provider
public final class InternalErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(InternalErrorMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof CfException cf) {
            return response(ErrorDocument.of(cf));
        }
        if (exception instanceof WebApplicationException wae) {
            var refused = ErrorDocument.refusedRequest(wae.getResponse().getStatus());
            if (refused.isPresent()) {
                return response(refused.get());
            }
        }
        LOG.error("Unexpected error handling request {}", RequestIds.current(), exception);
        return response(ErrorDocument.unexpected());
    }

    static Response response(ErrorDocument document) {
        ObjectNode doc = InternalJson.object();
        var errors = doc.putArray("errors");
        for (ErrorDocument.Entry e : document.errors()) {
            errors.addObject().put("detail", e.detail()).put("title", e.title()).put("code", e.code());
        }
        return Response.status(document.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(InternalJson.write(doc)).build();
    }
}
