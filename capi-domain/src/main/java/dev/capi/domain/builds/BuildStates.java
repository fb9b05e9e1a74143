package dev.capi.domain.builds;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.model.Build;

/** The build state machine: STAGING -> STAGED or FAILED; final states stay final. */
public final class BuildStates {
    private BuildStates() {
    }

    public static boolean allowed(String from, String to) {
        return Build.STAGING.equals(from) && (Build.STAGED.equals(to) || Build.FAILED.equals(to));
    }

    /** 400 InvalidRequest (a callback for a build that already ended), as the reference answers. */
    public static void require(String from, String to) {
        if (!allowed(from, to)) {
            throw CfException.of(CfError.InvalidRequest);
        }
    }
}
