package dev.capi.domain.servicebindings;

import java.util.List;

/**
 * Port: an app's active bindings (last operation create succeeded), the newest per instance, in creation order, with
 * what {@code VCAP_SERVICES} shows of their instances — one read.
 */
public interface AppBoundServices {
    List<BoundService> active(String appGuid);
}
