package dev.capi.rest.v3.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.capi.domain.support.ControlCharacters;
import dev.capi.domain.errors.CfError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Checks what arrives before any resource reads it: paths and query strings free of control characters, request
 * bodies within the size limit however they are sent (a {@code Content-Length} or chunks), JSON and YAML bodies in
 * valid UTF-8. Like the reference (Rails parses only JSON and form bodies into the request's {@code body}), a body
 * sent with another content type, or none, is not read: the endpoint sees no body. Uploads (multipart, octet
 * streams, forms) pass untouched; their own limits apply.
 */
@PreMatching
@Priority(2)
public final class RequestBodyFilter implements ContainerRequestFilter {
    private static final Set<String> YAML = Set.of("application/x-yaml", "application/yaml", "text/yaml",
            "text/x-yaml");

    /** The reference's JSON nesting limit (Ruby's JSON.parse {@code max_nesting}). */
    static final int MAX_JSON_DEPTH = 100;
    private static final JsonFactory JSON = new JsonFactory();

    private final long maxBytes;

    /** Whether a body of another content type is hidden from the endpoint (public API) or passed on (internal). */
    private final boolean dropsOtherBodies;

    public RequestBodyFilter(long maxBytes) {
        this(maxBytes, true);
    }

    private RequestBodyFilter(long maxBytes, boolean dropsOtherBodies) {
        this.maxBytes = maxBytes;
        this.dropsOtherBodies = dropsOtherBodies;
    }

    /**
     * The same checks for the internal API, whose platform callers may send JSON under another content type: their
     * bodies are passed on as sent, and only JSON-typed bodies are checked for UTF-8 and syntax.
     */
    public static RequestBodyFilter forInternalApi(long maxBytes) {
        return new RequestBodyFilter(maxBytes, false);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (ControlCharacters.present(request.getUriInfo().getPath(true))) {
            request.abortWith(ErrorMapper.response(CfError.NotFound, CfError.NotFound.detail()));
            return;
        }
        if (request.getUriInfo().getQueryParameters(true).values().stream().flatMap(java.util.List::stream)
                .anyMatch(ControlCharacters::present)) {
            refuse(request, CfError.BadQueryParameter, "query parameters must not contain control characters");
            return;
        }
        MediaType type = request.getMediaType();
        if (!request.hasEntity() || isUpload(type)) {
            return;
        }
        byte[] body = readAtMost(request.getEntityStream(), maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(request, CfError.RequestEntityTooLarge, "the request body is larger than " + maxBytes + " bytes");
            return;
        }
        boolean yaml = type != null && YAML.contains(type.getType() + "/" + type.getSubtype());
        if (!yaml && !isJson(type)) {
            if (dropsOtherBodies) {
                request.setEntityStream(InputStream.nullInputStream());
                request.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
            } else {
                request.setEntityStream(new ByteArrayInputStream(body));
            }
            return;
        }
        if (!validUtf8(body)) {
            refuse(request, CfError.MessageParseError,
                    yaml ? "Invalid UTF-8 encoding in YAML data" : "invalid request body");
            return;
        }
        if (!yaml && !wellFormedJson(body)) {
            refuse(request, CfError.MessageParseError, "invalid request body");
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private static void refuse(ContainerRequestContext request, CfError kind, String detail) {
        request.abortWith(ErrorMapper.response(kind, kind.detail(detail)));
    }

    private static boolean isUpload(MediaType type) {
        return type != null && ("multipart".equalsIgnoreCase(type.getType())
                || MediaType.APPLICATION_OCTET_STREAM_TYPE.isCompatible(type)
                || MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type));
    }

    private static boolean isJson(MediaType type) {
        return type != null && "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json"));
    }

    private static byte[] readAtMost(InputStream in, long limit) {
        try (in) {
            return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a JSON body parses, nested at most {@link #MAX_JSON_DEPTH} deep. The reference parses every JSON body
     * before any action runs (Rails' parameter parsing, whose JSON parser stops at 100 levels), so a body an endpoint
     * never reads (an action such as {@code /actions/start}) is refused as malformed all the same, and before a 404.
     */
    static boolean wellFormedJson(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            int depth = 0;
            boolean complete = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (complete || token.isStructStart() && ++depth > MAX_JSON_DEPTH) {
                    return false;
                }
                if (token.isStructEnd()) {
                    depth--;
                }
                complete = depth == 0;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Strict UTF-8: overlong forms, stray continuation bytes and encoded surrogates are refused. */
    private static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
