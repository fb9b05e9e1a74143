package dev.capi.rest.v3.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The list document: {@code pagination} with first/last/next/previous hrefs built as the reference builds them
 * (keys sorted, values form-encoded, order_by re-emitted with its direction) and {@code resources}.
 */
public final class Pagination {
    private Pagination() {
    }

    public static ObjectNode document(Page<?> page, List<? extends JsonNode> resources, ListParams params, String path,
                                      Links links) {
        ListQuery q = params.query();
        long totalPages = Math.max(1, (page.totalResults() + q.perPage() - 1) / q.perPage());
        long current = q.page();
        ObjectNode doc = JsonSupport.object();
        ObjectNode pagination = doc.putObject("pagination");
        pagination.put("total_results", page.totalResults());
        pagination.put("total_pages", totalPages);
        pagination.set("first", link(params, path, links, 1));
        pagination.set("last", link(params, path, links, totalPages));
        pagination.set("next", current < totalPages ? link(params, path, links, current + 1) : null);
        pagination.set("previous", current > 1 ? link(params, path, links, current - 1) : null);
        doc.putArray("resources").addAll(resources);
        return doc;
    }

    private static ObjectNode link(ListParams params, String path, Links links, long page) {
        Map<String, String> query = new TreeMap<>();
        params.raw().forEach((k, v) -> {
            if (!k.equals("page") && !k.equals("per_page") && !k.equals("order_by")) {
                query.put(k, v);
            }
        });
        ListQuery q = params.query();
        query.put("per_page", Integer.toString(q.perPage()));
        query.put("page", Long.toString(page));
        if (q.orderBy() != null && q.orderBy().explicit()) {
            query.put("order_by", (q.orderBy().descending() ? "-" : "+") + q.orderBy().field());
        }
        StringBuilder href = new StringBuilder(path).append('?');
        boolean first = true;
        for (var e : query.entrySet()) {
            if (!first) {
                href.append('&');
            }
            first = false;
            href.append(escape(e.getKey())).append('=').append(escape(e.getValue()));
        }
        return links.href(href.toString());
    }

    /** Ruby's CGI.escape: form encoding where only {@code a-zA-Z0-9_.-~} stay literal. */
    public static String escape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }
}
