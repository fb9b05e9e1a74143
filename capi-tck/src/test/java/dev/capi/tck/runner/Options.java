package dev.capi.tck.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The runner's command line. */
record Options(String url, String adminUser, String adminPassword, Path report, List<String> only, List<String> skip,
               List<String> tests, int parallel, boolean failFast, boolean keep, boolean help,
               Map<String, String> systemProperties) {

    static final String USAGE = """
            Usage: java -jar capi-tck.jar --url URL --admin-user USER --admin-password PASSWORD [options]

            Runs the capi conformance kit against a Cloud Controller (V3 API). The kit creates its own organization,
            spaces and users (SCIM at the target's links.uaa) whose names start with a random prefix, and deletes
            them at the end, also when interrupted.

              --url URL                       the Cloud Controller's base URL (required)
              --admin-user USER               a user with the cloud_controller.admin scope (required)
              --admin-password PASSWORD       its password (required)
              --admin-read-only-user USER     a user with cloud_controller.admin_read_only (optional)
              --admin-read-only-password PW
              --global-auditor-user USER      a user with cloud_controller.global_auditor (optional)
              --global-auditor-password PW
                                              tests needing a role the kit cannot obtain are SKIPPED
              --internal-url URL              the internal (mutual TLS) listener, e.g. https://host:9023
              --internal-ca FILE              PEM CA certificate of that listener
              --internal-cert FILE            PEM client certificate signed by it
              --internal-key FILE             PEM (PKCS#8) key of that certificate
              --report DIR                    write DIR/report.html, DIR/report.md and DIR/junit.xml
              --only AREA[,AREA...]           run only these areas (e.g. apps,routes)
              --skip AREA[,AREA...]           do not run these areas
              --tests CLASS[,CLASS...]        run only these test classes (simple names, e.g. AppsTest)
              --parallel N                    run up to N test classes of an area at once (default 1)
              --fail-fast                     stop after the first area with a failure
              --keep                          keep what the run created (for debugging)
              --list                          list the areas and exit
              --help                          this text

            Exit code: 0 when nothing failed, 1 when a test failed, 2 on a usage error.
            """;

    private static final Map<String, String> PASSED_THROUGH = Map.of(
            "--admin-read-only-user", "capi.tck.admin-read-only-user",
            "--admin-read-only-password", "capi.tck.admin-read-only-password",
            "--global-auditor-user", "capi.tck.global-auditor-user",
            "--global-auditor-password", "capi.tck.global-auditor-password",
            "--internal-url", "capi.tck.internal-url",
            "--internal-ca", "capi.tck.internal-ca",
            "--internal-cert", "capi.tck.internal-cert",
            "--internal-key", "capi.tck.internal-key");

    boolean list() {
        return systemProperties.containsKey("list");
    }

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for the user on bad usage. */
    static Options parse(String... args) {
        String url = null;
        String user = null;
        String password = null;
        Path report = null;
        List<String> only = new ArrayList<>();
        List<String> skip = new ArrayList<>();
        List<String> tests = new ArrayList<>();
        int parallel = 1;
        boolean failFast = false;
        boolean keep = false;
        boolean help = false;
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--fail-fast" -> failFast = true;
                case "--keep" -> keep = true;
                case "--list" -> properties.put("list", "true");
                default -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (arg) {
                        case "--url" -> url = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
                        case "--admin-user" -> user = value;
                        case "--admin-password" -> password = value;
                        case "--report" -> report = Path.of(value);
                        case "--only" -> only.addAll(areas(value));
                        case "--skip" -> skip.addAll(areas(value));
                        case "--tests" -> tests.addAll(areas(value));
                        case "--parallel" -> {
                            try {
                                parallel = Integer.parseInt(value);
                            } catch (NumberFormatException e) {
                                throw new IllegalArgumentException("--parallel needs a number, not " + value);
                            }
                            if (parallel < 1) {
                                throw new IllegalArgumentException("--parallel needs a number of at least 1");
                            }
                        }
                        default -> {
                            String property = PASSED_THROUGH.get(arg);
                            if (property == null) {
                                throw new IllegalArgumentException("unknown option " + arg);
                            }
                            properties.put(property, value);
                        }
                    }
                }
            }
        }
        boolean listing = properties.containsKey("list");
        if (!help && !listing && (url == null || user == null || password == null)) {
            throw new IllegalArgumentException("--url, --admin-user and --admin-password are required");
        }
        return new Options(url, user, password, report, List.copyOf(only), List.copyOf(skip), List.copyOf(tests),
                parallel, failFast, keep, help, Map.copyOf(properties));
    }

    private static List<String> areas(String value) {
        return List.of(value.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
