package dev.capi.tck.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The endpoint inventory the kit checks against (the spec's {@code endpoints.tsv}, bundled as a resource): one
 * {@link Row} per endpoint, named {@code "METHOD /path/:param"} as tests name them in {@link Checks}.
 */
public final class Inventory {
    /** One endpoint of the inventory. */
    public record Row(String area, String resource, String method, String path, String operation) {
        /** The row's name: {@code "GET /v3/apps/:guid"}. */
        public String name() {
            return method + " " + path;
        }

        /** Whether the row lives on the internal (mutual TLS) listener. */
        public boolean internal() {
            return area.equals("internal");
        }

        /** Whether a request with this method and (query-less) path is this row. */
        public boolean matches(String requestMethod, String requestPath) {
            return method.equals(requestMethod) && pattern().matcher(requestPath).matches();
        }

        private Pattern pattern() {
            return PATTERNS.computeIfAbsent(path,
                    p -> Pattern.compile(Pattern.quote(p).replaceAll(":[a-z_]+", "\\\\E[^/]+\\\\Q")));
        }

        /** A request path for this row with every parameter replaced by an unknown guid (a routing probe). */
        public String probePath() {
            return path.replaceAll(":[a-z_]+", "00000000-0000-0000-0000-000000000000");
        }
    }

    private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile Inventory bundled;
    private final List<Row> rows;

    private Inventory(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The inventory bundled with the kit ({@code /endpoints.tsv} on the class path). */
    public static Inventory bundled() {
        if (bundled == null) {
            try (InputStream in = Inventory.class.getResourceAsStream("/endpoints.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("endpoints.tsv is not on the class path");
                }
                bundled = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return bundled;
    }

    static Inventory parse(String tsv) {
        List<Row> rows = new ArrayList<>();
        String[] lines = tsv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t");
            if (f.length >= 5) {
                rows.add(new Row(f[0], f[1], f[2], f[3], f[4]));
            }
        }
        return new Inventory(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The row named {@code "METHOD /path"}, if the inventory has it. */
    public Optional<Row> row(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * The row a request is, if any. A literal segment wins over a parameter ({@code /v3/apps/:guid/env} and
     * {@code /v3/apps/:guid/processes/:type} both exist; {@code /v3/jobs/:guid} never shadows an action).
     */
    public Optional<Row> match(String method, String path) {
        return rows.stream().filter(r -> r.matches(method, path))
                .max(java.util.Comparator.comparingInt(r -> r.path().replaceAll(":[a-z_]+", "").length()));
    }
}
