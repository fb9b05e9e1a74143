package dev.capi.domain.serviceinstances;

import java.util.List;

/**
 * Port (implemented by the bindings area): removes a managed instance's bindings through its broker before the
 * instance is deprovisioned, as the reference's instance delete does.
 */
public interface InstanceBindings {
    /**
     * Unbinds the instance's route bindings, app bindings and keys (in that order, each through the broker). A binding
     * the broker removes at once goes with its audit event; one it removes asynchronously stays {@code delete in
     * progress} with a polling unbind job of its own. Returns the reference's message for each binding that is not
     * gone yet (async, refused, failed), empty when every binding is gone.
     */
    List<String> unbindAll(String instanceGuid, String actorGuid, String actorName);

    /** An instance without bindings (tests, and areas without bindings). */
    InstanceBindings NONE = (instanceGuid, actorGuid, actorName) -> List.of();
}
