package dev.capi.domain.packages;

import dev.capi.domain.errors.CfException;
import dev.capi.model.AppPackage;

import java.util.Map;
import java.util.Set;

/**
 * The package state machine: AWAITING_UPLOAD -> PROCESSING_UPLOAD -> READY or FAILED; COPYING -> READY or FAILED;
 * READY -> EXPIRED (retention). Anything else is refused, never silently applied.
 */
public final class PackageStates {
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            AppPackage.AWAITING_UPLOAD, Set.of(AppPackage.PROCESSING_UPLOAD, AppPackage.READY, AppPackage.FAILED),
            AppPackage.PROCESSING_UPLOAD, Set.of(AppPackage.READY, AppPackage.FAILED),
            AppPackage.COPYING, Set.of(AppPackage.READY, AppPackage.FAILED),
            AppPackage.READY, Set.of(AppPackage.EXPIRED),
            AppPackage.FAILED, Set.of(),
            AppPackage.EXPIRED, Set.of());

    private PackageStates() {
    }

    public static boolean allowed(String from, String to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** 422 "Invalid package state transition from X to Y" unless allowed. */
    public static void require(String from, String to) {
        if (!allowed(from, to)) {
            throw CfException.unprocessable("Invalid package state transition from " + from + " to " + to);
        }
    }
}
