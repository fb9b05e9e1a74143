package dev.capi.domain.apps;

import java.util.Map;

/**
 * Port: what an app's service bindings put into its environment — {@code VCAP_SERVICES}, grouped by offering label —
 * as the service bindings area computes it; apps read it through this view only.
 */
public interface AppServicesView {
    Map<String, Object> vcapServices(String appGuid);
}
