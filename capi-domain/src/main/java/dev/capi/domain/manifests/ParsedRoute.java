package dev.capi.domain.manifests;

import java.util.ArrayList;
import java.util.List;

/**
 * A manifest route string ({@code host.domain/path}, {@code domain:port}, {@code *.domain}), split as the reference
 * splits it: the path from the first {@code /}, a TCP port after the last {@code :}, and the host/domain pairs to
 * try in order (the whole name as a domain first, then the first label as host).
 */
record ParsedRoute(List<Candidate> candidates, String path, Integer port) {
    record Candidate(String host, String domain) {
    }

    static ParsedRoute parse(String route) {
        String rest = route.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash);
            rest = rest.substring(0, slash);
        }
        Integer port = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            try {
                port = Integer.parseInt(rest.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            rest = rest.substring(0, colon);
        }
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate("", rest));
        int dot = rest.indexOf('.');
        if (dot > 0) {
            candidates.add(new Candidate(rest.substring(0, dot), rest.substring(dot + 1)));
        }
        return new ParsedRoute(candidates, path, port);
    }
}
