package dev.capi.server.runtime.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.capi.domain.builds.StagingResult;
import dev.capi.domain.runtime.StagingRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stages one build with V2 buildpacks, as Diego's builder does: in a fresh directory, the package unzipped into
 * {@code droplet/app}, the buildpack cache restored, {@code bin/detect} of each admin buildpack in position order
 * (skipped when the build names its buildpacks), {@code bin/supply} of every buildpack but the last, then the last
 * one's {@code bin/finalize} (or {@code bin/compile}) and {@code bin/release}; a {@code Procfile} overrides the
 * released process types. The droplet is {@code app/}, {@code deps/}, {@code profile.d/} and
 * {@code staging_info.yml}, tarred and gzipped.
 */
final class Stager {
    private static final Logger LOG = LoggerFactory.getLogger(Stager.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String SOURCE_TYPE = "STG";

    private final RuntimeBits bits;
    private final AppLogs logs;
    private final Path root;
    private final Duration timeout;

    Stager(RuntimeBits bits, AppLogs logs, Path root, Duration timeout) {
        this.bits = bits;
        this.logs = logs;
        this.root = root;
        this.timeout = timeout;
    }

    /** Stages the build; the report to deliver (a droplet and its result, or the failure). */
    RuntimeReport stage(StagingRequest request) {
        Path dir = root.resolve(request.buildGuid());
        try {
            Workspace.recreate(dir);
            StagingResult result = stageIn(request, new StagingDirs(dir));
            Path droplet = dir.resolveSibling(request.buildGuid() + "-droplet.tgz");
            ChildProcesses.tool(dir.resolve("droplet"), "tar", "-czf", droplet.toString(), ".");
            log(request, "Uploading droplet...");
            return new RuntimeReport.Staged(request.buildGuid(), droplet, result);
        } catch (StagingFailure e) {
            log(request, "Staging failed: " + e.getMessage());
            return new RuntimeReport.StagingFailed(request.buildGuid(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("staging of build {} failed", request.buildGuid(), e);
            log(request, "Staging error: " + e.getMessage());
            return new RuntimeReport.StagingFailed(request.buildGuid(), "staging failed: " + e.getMessage());
        } finally {
            Workspace.delete(dir);
        }
    }

    /** The staging directory's parts. */
    private record StagingDirs(Path dir) {
        Path droplet() {
            return dir.resolve("droplet");
        }

        Path app() {
            return droplet().resolve("app");
        }

        Path deps() {
            return droplet().resolve("deps");
        }

        Path profileD() {
            return droplet().resolve("profile.d");
        }

        Path cache() {
            return dir.resolve("cache");
        }

        Path buildpack(int index) {
            return dir.resolve("buildpacks").resolve(Integer.toString(index));
        }
    }

    private StagingResult stageIn(StagingRequest request, StagingDirs dirs) {
        if ("docker".equals(request.lifecycleType())) {
            log(request, "Docker images cannot be staged: the local runtime runs no Docker daemon");
            throw new StagingFailure("Docker lifecycle is not supported by the local runtime");
        }
        log(request, "Downloading app package...");
        Path packageZip = dirs.dir().resolve("package.zip");
        if (!bits.copyPackage(request.packageGuid(), packageZip)) {
            throw new StagingFailure("the package has no bits");
        }
        Workspace.createDirectories(dirs.app(), dirs.deps(), dirs.profileD(), dirs.cache());
        Workspace.unzip(packageZip, dirs.app());
        Path cacheArchive = dirs.dir().resolve("cache.tgz");
        if (bits.copyCache(request.appGuid(), request.stack(), cacheArchive)) {
            ChildProcesses.tool(dirs.cache(), "tar", "-xzf", cacheArchive.toString());
        }
        List<RuntimeBits.AdminBuildpack> chosen = choose(request, dirs);
        int last = chosen.size() - 1;
        for (int i = 0; i < last; i++) {
            runPhase(request, dirs, i, "supply", true);
        }
        Path finalBuildpack = dirs.buildpack(last);
        if (Files.isRegularFile(finalBuildpack.resolve("bin/finalize"))) {
            runPhase(request, dirs, last, "supply", false);
            runPhase(request, dirs, last, "finalize", true);
        } else {
            runPhase(request, dirs, last, "compile", true);
        }
        Map<String, String> processTypes = release(request, dirs, last);
        processTypes.putAll(Procfile.read(dirs.app()));
        String detected = chosen.get(last).name();
        writeStagingInfo(dirs, detected, processTypes.getOrDefault("web", ""));
        ChildProcesses.tool(dirs.cache(), "tar", "-czf", cacheArchive.toString(), ".");
        bits.storeCache(request.appGuid(), request.stack(), cacheArchive);
        List<String> names = chosen.stream().map(RuntimeBits.AdminBuildpack::name).toList();
        return new StagingResult(false, null, "buildpack", processTypes, "", names, null);
    }

    /** The buildpacks the build names (no detection), else the first admin buildpack whose detect says yes. */
    private List<RuntimeBits.AdminBuildpack> choose(StagingRequest request, StagingDirs dirs) {
        List<RuntimeBits.AdminBuildpack> admin = bits.adminBuildpacks(request.stack());
        if (!request.buildpacks().isEmpty()) {
            List<RuntimeBits.AdminBuildpack> named = new ArrayList<>();
            for (String name : request.buildpacks()) {
                named.add(admin.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow(
                        () -> new StagingFailure("buildpack " + name + " is not an admin buildpack with bits "
                                + "(the local runtime cannot download buildpacks from URLs)")));
            }
            for (int i = 0; i < named.size(); i++) {
                install(named.get(i), dirs.buildpack(i));
            }
            return named;
        }
        for (RuntimeBits.AdminBuildpack candidate : admin) {
            Path dir = dirs.buildpack(0);
            Workspace.delete(dir);
            install(candidate, dir);
            int code = script(request, dir.resolve("bin/detect"), dirs.dir(), dirs.app().toString());
            if (code == 0) {
                log(request, "Detected buildpack " + candidate.name());
                return List.of(candidate);
            }
        }
        log(request, "None of the buildpacks detected a compatible application");
        throw StagingFailure.exit(StagingFailure.NO_APP_DETECTED);
    }

    private void install(RuntimeBits.AdminBuildpack buildpack, Path dir) {
        Path zip = dir.resolveSibling(dir.getFileName() + ".zip");
        if (!bits.copyBuildpack(buildpack, zip)) {
            throw new StagingFailure("buildpack " + buildpack.name() + " has no bits");
        }
        Workspace.createDirectories(dir);
        Workspace.unzip(zip, dir);
        Workspace.makeExecutable(dir.resolve("bin"));
    }

    /** supply / finalize / compile of buildpack {@code index}; an absent optional script is skipped. */
    private void runPhase(StagingRequest request, StagingDirs dirs, int index, String phase, boolean required) {
        Path script = dirs.buildpack(index).resolve("bin").resolve(phase);
        if (!Files.isRegularFile(script)) {
            if (required && !phase.equals("supply")) {
                throw new StagingFailure("buildpack has no bin/" + phase + "; " + StagingFailure.exit(
                        StagingFailure.COMPILE_FAILED).getMessage());
            }
            return;
        }
        List<String> args = switch (phase) {
            case "compile" -> List.of(dirs.app().toString(), dirs.cache().toString());
            case "supply" -> List.of(dirs.app().toString(), dirs.cache().toString(), dirs.deps().toString(),
                    Integer.toString(index));
            default -> List.of(dirs.app().toString(), dirs.cache().toString(), dirs.deps().toString(),
                    Integer.toString(index), dirs.profileD().toString());
        };
        Workspace.createDirectories(dirs.deps().resolve(Integer.toString(index)));
        int code = script(request, script, dirs.dir(), args.toArray(String[]::new));
        if (code != 0) {
            log(request, "Failed to " + phase + " (exit status " + code + ")");
            throw StagingFailure.exit(StagingFailure.COMPILE_FAILED);
        }
    }

    private Map<String, String> release(StagingRequest request, StagingDirs dirs, int index) {
        Path script = dirs.buildpack(index).resolve("bin/release");
        StringBuilder yaml = new StringBuilder();
        int code = Files.isRegularFile(script) ? ChildProcesses.run(List.of(script.toString(), dirs.app().toString()),
                dirs.dir(), environment(request), timeout, line -> yaml.append(line).append('\n'),
                line -> log(request, line)) : -1;
        if (code != 0) {
            throw StagingFailure.exit(StagingFailure.RELEASE_FAILED);
        }
        Map<String, String> types = new LinkedHashMap<>();
        try {
            JsonNode released = yaml.toString().isBlank() ? null : YAML.readTree(yaml.toString());
            if (released != null) {
                released.path("default_process_types").fields().forEachRemaining(f -> types.put(f.getKey(),
                        f.getValue().asText()));
            }
        } catch (IOException e) {
            log(request, "bin/release printed no valid YAML: " + e.getMessage());
            throw StagingFailure.exit(StagingFailure.RELEASE_FAILED);
        }
        return types;
    }

    private static void writeStagingInfo(StagingDirs dirs, String detected, String startCommand) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("detected_buildpack", detected);
        info.put("start_command", startCommand);
        try {
            Files.writeString(dirs.droplet().resolve("staging_info.yml"), YAML.writeValueAsString(info));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int script(StagingRequest request, Path script, Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        return ChildProcesses.run(command, dir, environment(request), timeout, line -> log(request, line),
                line -> logError(request, line));
    }

    private static Map<String, String> environment(StagingRequest request) {
        Map<String, String> env = new LinkedHashMap<>(request.environment());
        env.put("CF_STACK", request.stack() == null ? "" : request.stack());
        env.put("MEMORY_LIMIT", request.memoryInMb() + "m");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    private void log(StagingRequest request, String line) {
        logs.append(request.appGuid(), SOURCE_TYPE, "0", line, false);
    }

    private void logError(StagingRequest request, String line) {
        logs.append(request.appGuid(), SOURCE_TYPE, "0", line, true);
    }
}
