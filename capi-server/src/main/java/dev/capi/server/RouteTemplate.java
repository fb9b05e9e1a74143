package dev.capi.server;

import jakarta.ws.rs.core.UriInfo;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

import java.util.List;

/**
 * The route template a request matched ({@code /v3/apps/{guid}}), so that metrics count requests per endpoint and
 * not per resource; "unmatched" when no resource method matched (unknown routes).
 */
final class RouteTemplate {
    static final String UNMATCHED = "unmatched";

    private RouteTemplate() {
    }

    static String of(UriInfo uriInfo) {
        if (!(uriInfo instanceof ExtendedUriInfo extended) || extended.getMatchedResourceMethod() == null) {
            return UNMATCHED;
        }
        List<UriTemplate> templates = extended.getMatchedTemplates();
        StringBuilder path = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
            String part = templates.get(i).getTemplate();
            if (part.isEmpty() || part.equals("/")) {
                continue;
            }
            if (!part.startsWith("/") && !path.toString().endsWith("/")) {
                path.append('/');
            }
            path.append(part);
        }
        return path.isEmpty() ? "/" : path.toString();
    }
}
