package dev.capi.tck.runner;

import dev.capi.tck.support.RequestLog.Exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes a run's results: {@code report.html} (one page, no network), {@code report.md} and {@code junit.xml}. */
final class Reports {
    private static final int SHOWN_EXCHANGES = 4;

    private final String target;
    private final List<AreaResult> areas;
    private final List<RowResult> rows;
    private final Instant when;

    Reports(String target, List<AreaResult> areas, List<RowResult> rows, Instant when) {
        this.target = target;
        this.areas = areas;
        this.rows = rows;
        this.when = when;
    }

    void writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.html"), html(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.md"), markdown(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("junit.xml"), junitXml(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("tests.tsv"), testsTsv(), StandardCharsets.UTF_8);
    }

    /** One line per test: area, class, name, status, rows it checks, rows its requests reached. */
    String testsTsv() {
        StringBuilder t = new StringBuilder("area\tclass\ttest\tstatus\tchecks\treached\n");
        for (AreaResult a : areas) {
            for (TestResult r : a.tests()) {
                t.append(a.area()).append('\t').append(r.className()).append('\t')
                        .append(r.name().replace('\t', ' ')).append('\t').append(r.status()).append('\t')
                        .append(String.join(",", r.rows())).append('\t').append(String.join(",", r.touched()))
                        .append('\n');
            }
        }
        return t.toString();
    }

    private long total(Status status) {
        return areas.stream().mapToLong(a -> a.count(status)).sum();
    }

    private Map<Status, Long> rowCounts() {
        Map<Status, Long> counts = new TreeMap<>();
        rows.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    private List<TestResult> failures() {
        return areas.stream().flatMap(a -> a.tests().stream()).filter(t -> t.status() == Status.FAIL).toList();
    }

    String summary() {
        return String.format("%d passed, %d failed, %d unsupported, %d skipped; inventory rows: %s", total(Status.PASS),
                total(Status.FAIL), total(Status.UNSUPPORTED), total(Status.SKIPPED), rowCounts());
    }

    // ---- HTML ----

    String html() {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>capi TCK report</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;")
                .append("margin-bottom:2em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;")
                .append("vertical-align:top}th{background:#f0f0f0}td.n{text-align:right}.PASS{background:#d9f2d9}")
                .append(".FAIL{background:#f8d0d0}.UNSUPPORTED{background:#fde9c4}.SKIPPED{background:#e8e8e8}")
                .append(".NOT_COVERED{background:#e0e7f7}pre{background:#f7f7f7;padding:.5em;white-space:pre-wrap;")
                .append("word-break:break-all;max-height:24em;overflow:auto}details{margin:.5em 0 1em}")
                .append("summary{cursor:pointer;font-weight:600}</style></head><body>");
        h.append("<h1>capi TCK report</h1><p>Target <code>").append(esc(target)).append("</code>, ")
                .append(esc(when.toString())).append("<br><b>").append(esc(summary())).append("</b></p>");
        h.append("<h2>Areas</h2><table><tr><th>area</th><th>status</th><th>passed</th><th>failed</th>")
                .append("<th>unsupported</th><th>skipped</th><th>time</th></tr>");
        for (AreaResult a : areas) {
            h.append("<tr><td><a href=\"#area-").append(esc(a.area())).append("\">").append(esc(a.area()))
                    .append("</a></td><td class=\"").append(a.status()).append("\">").append(a.status())
                    .append("</td><td class=n>").append(a.count(Status.PASS)).append("</td><td class=n>")
                    .append(a.count(Status.FAIL)).append("</td><td class=n>").append(a.count(Status.UNSUPPORTED))
                    .append("</td><td class=n>").append(a.count(Status.SKIPPED)).append("</td><td class=n>")
                    .append(AreaResult.clock(a.millis())).append("</td></tr>");
        }
        h.append("</table>");
        List<TestResult> failures = failures();
        if (!failures.isEmpty()) {
            h.append("<h2>Failures</h2>");
            for (TestResult t : failures) {
                h.append("<details open><summary>").append(esc(t.area() + " / " + t.className() + " / " + t.name()))
                        .append("</summary>");
                if (!t.rows().isEmpty()) {
                    h.append("<p>Checks ").append(esc(String.join(", ", t.rows()))).append("</p>");
                }
                h.append("<p>Expectation:</p><pre>").append(esc(t.message())).append("</pre>");
                for (Exchange e : t.lastExchanges(SHOWN_EXCHANGES)) {
                    h.append("<pre>").append(esc(exchange(e))).append("</pre>");
                }
                h.append("</details>");
            }
        }
        h.append("<h2>Inventory rows</h2><table><tr><th>row</th><th>resource</th><th>status</th><th>tests</th></tr>");
        for (RowResult r : rows) {
            h.append("<tr><td><code>").append(esc(r.row().name())).append("</code></td><td>")
                    .append(esc(r.row().resource())).append("</td><td class=\"").append(r.status()).append("\">")
                    .append(r.status().name().replace('_', ' ')).append("</td><td>").append(r.tests().size())
                    .append("</td></tr>");
        }
        h.append("</table>");
        for (AreaResult a : areas) {
            h.append("<h2 id=\"area-").append(esc(a.area())).append("\">").append(esc(a.area()))
                    .append("</h2><table><tr><th>test</th><th>status</th><th>rows</th><th>note</th></tr>");
            for (TestResult t : a.tests()) {
                h.append("<tr><td>").append(esc(t.className() + " / " + t.name())).append("</td><td class=\"")
                        .append(t.status()).append("\">").append(t.status()).append("</td><td>")
                        .append(esc(String.join(", ", t.rows()))).append("</td><td>")
                        .append(t.status() == Status.PASS || t.message() == null ? "" : esc(firstLine(t.message())))
                        .append("</td></tr>");
            }
            h.append("</table>");
        }
        return h.append("</body></html>\n").toString();
    }

    private static String exchange(Exchange e) {
        StringBuilder s = new StringBuilder(e.method()).append(' ').append(e.url()).append('\n');
        if (e.requestBody() != null) {
            s.append(e.requestBody()).append('\n');
        }
        return s.append("-> ").append(e.status()).append('\n').append(e.responseBody() == null ? "" : e.responseBody())
                .toString();
    }

    // ---- Markdown ----

    String markdown() {
        StringBuilder m = new StringBuilder("# capi TCK report\n\nTarget `").append(target).append("`, ").append(when)
                .append("\n\n**").append(summary()).append("**\n\n## Areas\n\n")
                .append("| area | status | passed | failed | unsupported | skipped | time |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (AreaResult a : areas) {
            m.append("| ").append(a.area()).append(" | ").append(a.status()).append(" | ").append(a.count(Status.PASS))
                    .append(" | ").append(a.count(Status.FAIL)).append(" | ").append(a.count(Status.UNSUPPORTED))
                    .append(" | ").append(a.count(Status.SKIPPED)).append(" | ").append(AreaResult.clock(a.millis()))
                    .append(" |\n");
        }
        List<TestResult> failures = failures();
        if (!failures.isEmpty()) {
            m.append("\n## Failures\n");
            for (TestResult t : failures) {
                m.append("\n### ").append(t.area()).append(" / ").append(t.className()).append(" / ")
                        .append(t.name()).append("\n\n");
                if (!t.rows().isEmpty()) {
                    m.append("Checks ").append(String.join(", ", t.rows())).append("\n\n");
                }
                m.append("```\n").append(t.message()).append("\n```\n");
                for (Exchange e : t.lastExchanges(2)) {
                    m.append("\n```\n").append(exchange(e)).append("\n```\n");
                }
            }
        }
        m.append("\n## Inventory rows\n\n| row | resource | status | tests |\n|---|---|---|---:|\n");
        for (RowResult r : rows) {
            m.append("| `").append(r.row().name()).append("` | ").append(r.row().resource()).append(" | ")
                    .append(r.status().name().replace('_', ' ')).append(" | ").append(r.tests().size()).append(" |\n");
        }
        return m.toString();
    }

    // ---- JUnit XML ----

    String junitXml() {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"capi-tck\" tests=\"")
                .append(areas.stream().mapToInt(a -> a.tests().size()).sum()).append("\" failures=\"")
                .append(total(Status.FAIL)).append("\" skipped=\"")
                .append(total(Status.SKIPPED) + total(Status.UNSUPPORTED)).append("\">\n");
        for (AreaResult a : areas) {
            x.append("  <testsuite name=\"").append(xml(a.area())).append("\" tests=\"").append(a.tests().size())
                    .append("\" failures=\"").append(a.count(Status.FAIL)).append("\" errors=\"0\" skipped=\"")
                    .append(a.count(Status.SKIPPED) + a.count(Status.UNSUPPORTED)).append("\" time=\"")
                    .append(a.millis() / 1000.0).append("\">\n");
            for (TestResult t : a.tests()) {
                x.append("    <testcase classname=\"").append(xml("dev.capi.tck." + a.area() + "." + t.className()))
                        .append("\" name=\"").append(xml(t.name())).append("\" time=\"").append(t.millis() / 1000.0)
                        .append("\">");
                switch (t.status()) {
                    case FAIL -> {
                        x.append("<failure message=\"").append(xml(firstLine(t.message()))).append("\">")
                                .append(xml(t.message()));
                        for (Exchange e : t.lastExchanges(SHOWN_EXCHANGES)) {
                            x.append("\n\n").append(xml(exchange(e)));
                        }
                        x.append("</failure>");
                    }
                    case UNSUPPORTED -> x.append("<skipped message=\"UNSUPPORTED: ").append(xml(t.message()))
                            .append("\"/>");
                    case SKIPPED -> x.append("<skipped message=\"").append(xml(t.message())).append("\"/>");
                    default -> { }
                }
                x.append("</testcase>\n");
            }
            x.append("  </testsuite>\n");
        }
        return x.append("</testsuites>\n").toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.strip().split("\n", 2)[0];
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** XML text: escaped, without the control characters XML 1.0 forbids. */
    static String xml(String s) {
        return esc(s).replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "?");
    }
}
