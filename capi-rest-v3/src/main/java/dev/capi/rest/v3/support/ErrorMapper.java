package dev.capi.rest.v3.support;

import dev.capi.domain.support.ControlCharacters;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.errors.CfError;
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
 * Writes every failure as the V3 error document {@code {"errors":[{code,title,detail}]}} (its content decided by
 * {@link ErrorDocument}) — domain errors with their catalogue entry, unknown routes and wrong methods as 404
 * CF-NotFound, anything unexpected as 500 UnknownError (logged with the request id, never shown to the client).
 */
@Provider
public final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

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
        LOG.error("Unexpected error handling request {}", RequestIds.current(), loggable(exception));
        return response(ErrorDocument.unexpected());
    }

    /** The exception as it may be logged: messages (which can quote client input) with control characters escaped. */
    static Throwable loggable(Throwable exception) {
        var copy = new RuntimeException(exception.getClass().getName() + ": "
                + ControlCharacters.escape(exception.getMessage()),
                exception.getCause() == null ? null : loggable(exception.getCause()));
        copy.setStackTrace(exception.getStackTrace());
        return copy;
    }

    public static Response response(CfError kind, String detail) {
        return response(ErrorDocument.of(kind, detail));
    }

    public static Response response(ErrorDocument document) {
        return Response.status(document.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonSupport.write(json(document))).build();
    }

    /** The document as JSON: {@code {"errors":[{"detail":..,"title":..,"code":..}]}}. */
    public static ObjectNode json(ErrorDocument document) {
        ObjectNode doc = JsonSupport.object();
        var errors = doc.putArray("errors");
        for (ErrorDocument.Entry e : document.errors()) {
            errors.addObject().put("detail", e.detail()).put("title", e.title()).put("code", e.code());
        }
        return doc;
    }
}
