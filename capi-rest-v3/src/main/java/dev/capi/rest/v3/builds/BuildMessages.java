package dev.capi.rest.v3.builds;

import dev.capi.model.MetadataUpdate;
import dev.capi.rest.v3.support.Body;

/** The request bodies of the build endpoints that are shared between routes. */
final class BuildMessages {
    private BuildMessages() {
    }

    /** A build update: metadata, and the stager's {@code state} (STAGED or FAILED) with its {@code error}. */
    record Update(MetadataUpdate metadata, String state, String error) {
    }

    /** Parses and validates a {@code PATCH /v3/builds/:guid} (or {@code /v3/apps/:guid/builds}) body. */
    static Update update(String raw) {
        Body body = Body.parse(raw, "metadata", "state", "error", "lifecycle");
        String state = body.string("state", false, 16);
        if (state != null && !state.equals("STAGED") && !state.equals("FAILED")) {
            body.error("State must be one of 'STAGED', 'FAILED'");
        }
        String error = body.string("error", false, 5000);
        var metadata = body.metadata();
        body.validate();
        return new Update(metadata, state, error);
    }
}
