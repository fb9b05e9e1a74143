package dev.capi.tck.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Learns {@code resource-shapes.tsv} from a run against the reference (or a server trusted to match it): with
 * {@code -Dcapi.tck.record-shapes=FILE}, every resource read is recorded by type, and at exit the keys present in
 * every instance of a type are written with the value kinds seen. Review the file before committing it.
 */
final class ShapeRecorder {
    private static final String FILE = System.getProperty("capi.tck.record-shapes");
    private static final Map<String, Integer> INSTANCES = new TreeMap<>();
    private static final Map<String, Map<String, Integer>> PRESENT = new TreeMap<>();
    private static final Map<String, Map<String, Set<String>>> KINDS = new TreeMap<>();

    static {
        if (FILE != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(ShapeRecorder::write));
        }
    }

    private ShapeRecorder() {
    }

    static void record(int status, JsonNode body) {
        if (FILE == null || body == null || status < 200 || status >= 300) {
            return;
        }
        if (body.has("resources")) {
            body.path("resources").forEach(ShapeRecorder::resource);
            body.path("included").forEach(list -> list.forEach(ShapeRecorder::resource));
        } else {
            resource(body);
        }
    }

    private static synchronized void resource(JsonNode r) {
        String type = ResponseShape.type(r);
        if (type == null) {
            return;
        }
        INSTANCES.merge(type, 1, Integer::sum);
        r.fields().forEachRemaining(e -> {
            PRESENT.computeIfAbsent(type, t -> new TreeMap<>()).merge(e.getKey(), 1, Integer::sum);
            if (!e.getValue().isNull()) {
                KINDS.computeIfAbsent(type, t -> new TreeMap<>()).computeIfAbsent(e.getKey(), k -> new TreeSet<>())
                        .add(ResponseShape.kind(e.getValue()));
            }
        });
    }

    private static synchronized void write() {
        StringBuilder out = new StringBuilder("# type\tkey\tvalue kinds (null is always allowed)\n");
        INSTANCES.forEach((type, count) -> PRESENT.get(type).forEach((key, present) -> {
            if (present.equals(count)) {
                Set<String> kinds = KINDS.getOrDefault(type, Map.of()).getOrDefault(key, Set.of());
                out.append(type).append('\t').append(key).append('\t').append(String.join(",", kinds)).append('\n');
            }
        }));
        try {
            Files.writeString(Path.of(FILE), out);
        } catch (IOException e) {
            System.err.println("cannot write " + FILE + ": " + e.getMessage());
        }
    }
}
