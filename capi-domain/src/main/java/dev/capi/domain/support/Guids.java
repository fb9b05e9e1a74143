package dev.capi.domain.support;

import java.util.UUID;

/** Port: the source of new resource guids (random UUIDs in production, predictable in tests). */
@FunctionalInterface
public interface Guids {
    String next();

    static Guids random() {
        return () -> UUID.randomUUID().toString();
    }
}
