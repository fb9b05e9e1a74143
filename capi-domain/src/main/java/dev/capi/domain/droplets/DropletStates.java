package dev.capi.domain.droplets;

import dev.capi.domain.errors.CfException;
import dev.capi.model.Droplet;

import java.util.Map;
import java.util.Set;

/**
 * The droplet state machine: AWAITING_UPLOAD -> PROCESSING_UPLOAD -> STAGED/FAILED; STAGING -> STAGED/FAILED;
 * COPYING -> STAGED/FAILED; STAGED -> EXPIRED. Anything else is refused.
 */
public final class DropletStates {
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            Droplet.AWAITING_UPLOAD, Set.of(Droplet.PROCESSING_UPLOAD, Droplet.FAILED),
            Droplet.PROCESSING_UPLOAD, Set.of(Droplet.STAGED, Droplet.FAILED),
            Droplet.STAGING, Set.of(Droplet.STAGED, Droplet.FAILED),
            Droplet.COPYING, Set.of(Droplet.STAGED, Droplet.FAILED),
            Droplet.STAGED, Set.of(Droplet.EXPIRED),
            Droplet.FAILED, Set.of(),
            Droplet.EXPIRED, Set.of());

    private DropletStates() {
    }

    public static boolean allowed(String from, String to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    public static void require(String from, String to) {
        if (!allowed(from, to)) {
            throw CfException.unprocessable("Invalid droplet state transition from " + from + " to " + to);
        }
    }
}
