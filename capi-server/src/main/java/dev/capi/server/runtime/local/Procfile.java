package dev.capi.server.runtime.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** An app's {@code Procfile}: {@code type: command} lines (the process types it declares override the buildpack's). */
final class Procfile {
    private Procfile() {
    }

    static Map<String, String> read(Path appDir) {
        Path file = appDir.resolve("Procfile");
        Map<String, String> types = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return types;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                int colon = line.indexOf(':');
                if (line.isBlank() || line.trim().startsWith("#") || colon < 1) {
                    continue;
                }
                String type = line.substring(0, colon).trim();
                String command = line.substring(colon + 1).trim();
                if (!type.isEmpty() && !command.isEmpty()) {
                    types.put(type, command);
                }
            }
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
