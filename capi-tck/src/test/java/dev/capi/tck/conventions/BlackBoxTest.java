package dev.capi.tck.conventions;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The TCK speaks HTTP only: no test body imports capi's server classes; only the bootstrap may start one. */
@Tag("build")
class BlackBoxTest {
    private static final Path SOURCES = Path.of("src/test/java/dev/capi/tck");
    private static final String BOOTSTRAP = "TckServer.java";

    @Test
    void noTestImportsServerClasses() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals(BOOTSTRAP))
                    .filter(BlackBoxTest::importsServerClasses)
                    .map(Path::toString).toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static boolean importsServerClasses(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.matches(
                    "import (static )?dev\\.capi\\.(server|domain|model|persistence|rest|blobstore)\\..*"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
