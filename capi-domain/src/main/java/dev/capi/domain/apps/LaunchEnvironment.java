package dev.capi.domain.apps;

import java.util.Map;

/**
 * What a task or a staging run of an app is given as environment, as the reference builds it: the environment
 * variable group (running for tasks, staging for staging), then the app's variables (they win), then
 * {@code VCAP_APPLICATION}, {@code MEMORY_LIMIT} and {@code VCAP_SERVICES}.
 */
public interface LaunchEnvironment {
    /** The environment of a task of the app with {@code memoryInMb}. */
    Map<String, String> forTask(String appGuid, long memoryInMb);

    /** The environment of a staging run of the app with {@code memoryInMb} and {@code diskInMb}. */
    Map<String, String> forStaging(String appGuid, long memoryInMb, long diskInMb);

    /** No variables at all (tests of use cases that do not look at the environment). */
    LaunchEnvironment NONE = new LaunchEnvironment() {
        @Override
        public Map<String, String> forTask(String appGuid, long memoryInMb) {
            return Map.of();
        }

        @Override
        public Map<String, String> forStaging(String appGuid, long memoryInMb, long diskInMb) {
            return Map.of();
        }
    };
}
