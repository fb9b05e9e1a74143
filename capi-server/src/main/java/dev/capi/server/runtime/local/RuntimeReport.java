package dev.capi.server.runtime.local;

import dev.capi.domain.builds.StagingResult;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the local runtime tells the Cloud Controller, as an external runtime does on the internal API: a staged
 * droplet with its result, a failed staging, a finished task, a crashed instance.
 */
sealed interface RuntimeReport {
    /** Staging succeeded: {@code droplet} (a tgz, deleted once delivered) is uploaded, then the build completes. */
    record Staged(String buildGuid, Path droplet, StagingResult result) implements RuntimeReport {
    }

    record StagingFailed(String buildGuid, String failureReason) implements RuntimeReport {
    }

    record TaskCompleted(String taskGuid, boolean failed, String failureReason) implements RuntimeReport {
    }

    /** The {@code crashed} payload of Diego's report (instance, index, exit description, crash count...). */
    record InstanceCrashed(String processGuid, Map<String, Object> payload) implements RuntimeReport {
    }
}
