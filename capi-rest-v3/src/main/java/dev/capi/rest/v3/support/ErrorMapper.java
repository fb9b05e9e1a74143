package dev.capi.rest.v3.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Writes every failure as the V3 error document {@code {"errors":[{code,title,detail}]}} — domain errors with their
 * catalogue entry, unknown routes and wrong methods as 404 CF-NotFound, anything unexpected as 500 UnknownError
 * (logged with the request id, never shown to the client).
 */
@Provider
public final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof CfException cf) {
            if (!cf.underlying().isEmpty()) {
                var entries = cf.underlying().stream().map(e -> new ErrorEntry(e.kind(), e.detail())).toList();
                return Response.status(cf.kind().httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(JsonSupport.write(document(entries))).build();
            }
            return response(cf.kind(), cf.detail());
        }
        if (exception instanceof NotFoundException || exception instanceof NotAllowedException) {
            return response(CfError.NotFound, CfError.NotFound.detail());
        }
        if (exception instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            if (status == 415) {
                return response(CfError.MessageParseError, "invalid request body");
            }
            if (status == 413) {
                return response(CfError.RequestEntityTooLarge, "the request body is too large");
            }
            if (status >= 400 && status < 500) {
                return response(CfError.InvalidRequest, CfError.InvalidRequest.detail());
            }
        }
        LOG.error("Unexpected error handling request {}", RequestIds.current(), loggable(exception));
        return response(CfError.UnknownError, CfError.UnknownError.detail());
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
        return Response.status(kind.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonSupport.write(document(List.of(new ErrorEntry(kind, detail))))).build();
    }

    /** One entry of the errors array. */
    public record ErrorEntry(CfError kind, String detail) {
    }

    public static ObjectNode document(List<ErrorEntry> entries) {
        ObjectNode doc = JsonSupport.object();
        var errors = doc.putArray("errors");
        for (ErrorEntry e : entries) {
            errors.addObject().put("detail", e.detail()).put("title", e.kind().title()).put("code", e.kind().code());
        }
        return doc;
    }
}
