package dev.capi.rest.v3.support;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds hrefs from the configured external URL (e.g. {@code https://api.example.org}). */
public final class Links {
    private final String base;

    public Links(String externalUrl) {
        this.base = externalUrl.endsWith("/") ? externalUrl.substring(0, externalUrl.length() - 1) : externalUrl;
    }

    public String base() {
        return base;
    }

    /** {@code base + path}, e.g. {@code url("/v3/apps/" + guid)}. */
    public String url(String path) {
        return base + path;
    }

    /** {@code {"href": url(path)}}. */
    public ObjectNode href(String path) {
        ObjectNode node = JsonSupport.object();
        node.put("href", url(path));
        return node;
    }

    /** {@code {"href": url(path), "method": method}} for action links. */
    public ObjectNode action(String path, String method) {
        ObjectNode node = href(path);
        node.put("method", method);
        return node;
    }
}
