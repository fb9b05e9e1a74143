package dev.capi.server.runtime.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an instance or a task starts from an unpacked droplet, as the CF launcher does: in {@code app/} with
 * {@code HOME} there, {@code profile.d/*} and the app's {@code .profile.d/*.sh} and {@code .profile} sourced, then
 * the start command run by bash.
 */
final class Launcher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = String.join("\n",
            "cd \"$HOME\" || exit 1",
            "for f in \"$DEPS_DIR\"/../profile.d/*; do [ -f \"$f\" ] && . \"$f\"; done",
            "for f in .profile.d/*.sh; do [ -f \"$f\" ] && . \"$f\"; done",
            "[ -f .profile ] && . ./.profile",
            "exec bash -c \"$1\"");

    private Launcher() {
    }

    static List<String> command(String startCommand) {
        return List.of("bash", "-c", SCRIPT, "launcher", startCommand == null ? "" : startCommand);
    }

    /** Where the unpacked droplet lives and what the process is; {@code port} 0 for tasks. */
    record Instance(Path dir, int index, String instanceGuid, int port, long memoryInMb) {
    }

    /**
     * The domain's environment (app variables, {@code VCAP_APPLICATION}, {@code VCAP_SERVICES}, {@code MEMORY_LIMIT})
     * plus what the cell adds: {@code PORT}, {@code CF_INSTANCE_*}, {@code INSTANCE_*}, {@code HOME},
     * {@code TMPDIR}, {@code DEPS_DIR}, and the instance's fields in {@code VCAP_APPLICATION}.
     */
    static Map<String, String> environment(Map<String, String> domain, Instance instance) {
        Map<String, String> env = new LinkedHashMap<>(domain);
        Path dir = instance.dir();
        env.put("HOME", dir.resolve("app").toString());
        env.put("TMPDIR", dir.resolve("tmp").toString());
        env.put("DEPS_DIR", dir.resolve("deps").toString());
        env.put("USER", "vcap");
        env.put("LANG", "en_US.UTF-8");
        env.putIfAbsent("MEMORY_LIMIT", instance.memoryInMb() + "m");
        env.put("CF_INSTANCE_INDEX", Integer.toString(instance.index()));
        env.put("INSTANCE_INDEX", Integer.toString(instance.index()));
        env.put("CF_INSTANCE_GUID", instance.instanceGuid());
        env.put("INSTANCE_GUID", instance.instanceGuid());
        env.put("CF_INSTANCE_IP", "127.0.0.1");
        env.put("CF_INSTANCE_INTERNAL_IP", "127.0.0.1");
        if (instance.port() > 0) {
            String port = Integer.toString(instance.port());
            env.put("PORT", port);
            env.put("CF_INSTANCE_PORT", port);
            env.put("CF_INSTANCE_ADDR", "127.0.0.1:" + port);
            env.put("CF_INSTANCE_PORTS", "[{\"external\":" + port + ",\"internal\":" + port + "}]");
        }
        env.put("VCAP_APPLICATION", vcapApplication(domain.get("VCAP_APPLICATION"), instance));
        return env;
    }

    private static String vcapApplication(String fromDomain, Instance instance) {
        try {
            ObjectNode vcap = fromDomain == null ? JSON.createObjectNode()
                    : (ObjectNode) JSON.readTree(fromDomain);
            vcap.put("instance_id", instance.instanceGuid());
            vcap.put("instance_index", instance.index());
            vcap.put("host", "0.0.0.0");
            if (instance.port() > 0) {
                vcap.put("port", instance.port());
            }
            return JSON.writeValueAsString(vcap);
        } catch (Exception e) {
            return fromDomain;
        }
    }
}
