package dev.capi.server;

import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.persistence.support.StatementCounter;
import dev.capi.domain.support.ControlCharacters;
import dev.capi.rest.v3.support.AuthenticationFilter;
import dev.capi.rest.v3.support.ErrorMapper;
import dev.capi.server.logging.AccessLog;
import dev.capi.rest.internal.metrics.RequestMetrics;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/**
 * Gives every request an {@code X-VCAP-Request-ID} (the caller's, or a new one), refuses oversized JSON bodies,
 * keeps the id on the thread's log lines while the request is handled, and writes one access line per request:
 * method, path, status, duration, user guid, request id and SQL statements executed.
 */
@PreMatching
@Priority(1)
public final class RequestLogFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String HEADER = "X-VCAP-Request-ID";
    private static final String STARTED = "capi.started";

    private final long maxJsonBodyBytes;
    private final RequestMetrics metrics;

    public RequestLogFilter(long maxJsonBodyBytes, RequestMetrics metrics) {
        this.maxJsonBodyBytes = maxJsonBodyBytes;
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id == null || id.isBlank() || id.length() > 255 || !id.equals(ControlCharacters.escape(id))) {
            id = UUID.randomUUID().toString();
        }
        request.setProperty(HEADER, id);
        request.setProperty(STARTED, System.nanoTime());
        metrics.started();
        AccessLog.begin(id);
        StatementCounter.reset();
        MediaType type = request.getMediaType();
        boolean multipart = type != null && "multipart".equalsIgnoreCase(type.getType());
        boolean binary = type != null && MediaType.APPLICATION_OCTET_STREAM_TYPE.isCompatible(type);
        if (!multipart && !binary && request.getLength() > maxJsonBodyBytes) {
            request.abortWith(ErrorMapper.response(CfError.RequestEntityTooLarge, CfError.RequestEntityTooLarge
                    .detail("the request body is larger than " + maxJsonBodyBytes + " bytes")));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(HEADER);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        Object started = request.getProperty(STARTED);
        double millis = started == null ? 0 : (System.nanoTime() - (Long) started) / 1_000_000.0;
        if (started != null) {
            metrics.finished(request.getMethod(), RouteTemplate.of(request.getUriInfo()), response.getStatus(),
                    millis / 1000.0);
        }
        AccessLog.write(request.getMethod(), ControlCharacters.escape("/" + request.getUriInfo().getPath()),
                response.getStatus(), millis, userGuid(request), id, StatementCounter.current());
        AccessLog.end();
    }

    private static String userGuid(ContainerRequestContext request) {
        return request.getProperty(AuthenticationFilter.PRINCIPAL) instanceof Principal principal
                ? principal.userGuid() : null;
    }
}
