package dev.capi.domain.packages;

import dev.capi.model.AppPackage;

import java.util.Optional;

/** Port: the packages builds and droplets need to read (no visibility: callers check it). */
public interface PackageLookup {
    Optional<AppPackage> find(String guid);
}
