package dev.capi.domain.osbapi;

import dev.capi.model.ServiceOffering;

import java.util.List;
import java.util.Map;

/**
 * Which OSMAPI features (the vendor extension to OSBAPI) a service offering supports. A broker advertises them in
 * the offering's catalog {@code metadata}: {@code "osmapi": {"features": ["plan_definitions", "backup"]}}; an
 * offering without that list supports none, and the platform refuses the feature's endpoints for it.
 */
public final class OsmapiFeatures {
    public static final String PLAN_DEFINITIONS = "plan_definitions";

    private OsmapiFeatures() {
    }

    public static boolean supports(ServiceOffering offering, String feature) {
        return offering.extra().get("osmapi") instanceof Map<?, ?> osmapi
                && osmapi.get("features") instanceof List<?> features && features.contains(feature);
    }
}
