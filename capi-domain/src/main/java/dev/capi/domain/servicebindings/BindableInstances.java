package dev.capi.domain.servicebindings;

import java.util.Optional;

/** Port: service instances as bindings read them (instance, shares, plan, offering and broker in one read). */
public interface BindableInstances {
    Optional<BindableInstance> find(String guid);

    /** The instance named {@code name} in the space, or shared into it (a manifest's {@code services:} entry). */
    Optional<BindableInstance> named(String spaceGuid, String name);
}
