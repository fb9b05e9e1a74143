package dev.capi.domain.apps;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the droplets the apps resource needs to know of (the current droplet, assigning one); answered by the
 * droplets resource once it exists, by {@link #none()} until then.
 */
public interface DropletLookup {
    /** What apps need of a droplet: whose it is, its state and the process types it declares (type to command). */
    record Droplet(String guid, Instant createdAt, Instant updatedAt, String appGuid, String state,
                   Map<String, String> processTypes) {
        public Droplet {
            processTypes = processTypes == null ? Map.of() : Map.copyOf(processTypes);
        }
    }

    Optional<Droplet> find(String dropletGuid);

    static DropletLookup none() {
        return guid -> Optional.empty();
    }
}
