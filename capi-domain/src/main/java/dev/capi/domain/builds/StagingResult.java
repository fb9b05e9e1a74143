package dev.capi.domain.builds;

import java.util.List;
import java.util.Map;

/**
 * What a stager reports when staging ends (Diego's TaskCallbackResponse, parsed): failed with a reason, or the
 * droplet's process types, execution metadata, detected buildpacks and (docker) image.
 */
public record StagingResult(boolean failed, String failureReason, String lifecycleType,
                            Map<String, String> processTypes, String executionMetadata, List<String> buildpacks,
                            String dockerImage) {
    public static StagingResult failure(String reason) {
        return new StagingResult(true, reason, null, Map.of(), null, List.of(), null);
    }

    /** The reference's error id and message for a failure reason (error "Id - message" on the build). */
    public String error() {
        String reason = failureReason == null ? "" : failureReason;
        String lower = reason.toLowerCase(java.util.Locale.ROOT);
        if (reason.endsWith("222")) {
            return "NoAppDetectedError - An app was not successfully detected by any available buildpack";
        }
        if (reason.endsWith("223")) {
            return "BuildpackCompileFailed - App staging failed in the buildpack compile phase";
        }
        if (reason.endsWith("224")) {
            return "BuildpackReleaseFailed - App staging failed in the buildpack release phase";
        }
        if (lower.startsWith("insufficient resources")) {
            return "InsufficientResources - " + reason;
        }
        if (lower.startsWith("found no compatible cell")) {
            return "NoCompatibleCell - Found no compatible cell";
        }
        if (lower.startsWith("unable to communicate to compatible cells")) {
            return "CellCommunicationError - Unable to communicate to compatible cells";
        }
        return "StagingError - staging failed";
    }
}
