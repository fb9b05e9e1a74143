package dev.capi.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The SHA-256 of the changelogs on the class path (the master file and every file under {@code changes/}, by name and
 * content): equal fingerprints mean the same change sets. Empty when the files cannot be listed (then Liquibase
 * always runs).
 */
final class SchemaFingerprint {
    static final String CHANGES = "db/changelog/changes/";

    private SchemaFingerprint() {
    }

    static Optional<String> of(ClassLoader loader) {
        try {
            TreeMap<String, byte[]> files = new TreeMap<>();
            URL master = loader.getResource(Database.CHANGELOG);
            if (master == null) {
                return Optional.empty();
            }
            try (InputStream in = master.openStream()) {
                files.put(Database.CHANGELOG, in.readAllBytes());
            }
            Enumeration<URL> dirs = loader.getResources(CHANGES);
            int locations = 0;
            while (dirs.hasMoreElements()) {
                URL dir = dirs.nextElement();
                locations++;
                if (!collect(dir, files)) {
                    return Optional.empty();
                }
            }
            if (locations == 0) {
                return Optional.empty();
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (var file : files.entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Integer.toString(file.getValue().length).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue());
            }
            return Optional.of(HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException
                 | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Adds the files of one {@code changes/} location (a directory or a jar); false for a kind it cannot list. */
    private static boolean collect(URL dir, TreeMap<String, byte[]> files) throws IOException, URISyntaxException {
        switch (dir.getProtocol()) {
            case "file" -> {
                Path root = Path.of(dir.toURI());
                try (Stream<Path> paths = Files.walk(root)) {
                    for (Path p : paths.filter(Files::isRegularFile).toList()) {
                        String name = CHANGES + root.relativize(p).toString().replace('\\', '/');
                        if (files.put(name, Files.readAllBytes(p)) != null) {
                            return false;
                        }
                    }
                }
                return true;
            }
            case "jar" -> {
                var connection = dir.openConnection();
                if (!(connection instanceof JarURLConnection jarConnection)) {
                    return false;
                }
                jarConnection.setUseCaches(true);
                JarFile jar = jarConnection.getJarFile();
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.isDirectory() && entry.getName().startsWith(CHANGES)) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            if (files.put(entry.getName(), in.readAllBytes()) != null) {
                                return false;
                            }
                        }
                    }
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
