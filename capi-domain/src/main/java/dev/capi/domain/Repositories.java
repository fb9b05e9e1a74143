package dev.capi.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * The repositories of resources that joined after the core ports, looked up by their port type, so that adding a
 * resource does not change the {@link Ports} signature every embedder calls.
 */
public final class Repositories {
    private final Map<Class<?>, Object> byPort = new HashMap<>();

    public <T> Repositories with(Class<T> port, T implementation) {
        byPort.put(port, implementation);
        return this;
    }

    /** The implementation of {@code port}, if the assembly provided one. */
    public <T> java.util.Optional<T> find(Class<T> port) {
        return java.util.Optional.ofNullable(byPort.get(port)).map(port::cast);
    }

    /** The implementation of {@code port}; fails fast when the assembly did not provide it. */
    public <T> T get(Class<T> port) {
        Object implementation = byPort.get(port);
        if (implementation == null) {
            throw new IllegalStateException("No implementation of " + port.getName() + " was assembled");
        }
        return port.cast(implementation);
    }
}
