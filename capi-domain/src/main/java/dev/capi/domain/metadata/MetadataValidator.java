package dev.capi.domain.metadata;

import dev.capi.model.MetadataUpdate;

import java.util.List;

/** Placeholder replaced by the full validator on merge. */
public final class MetadataValidator {
    public List<String> validate(MetadataUpdate update) {
        return List.of();
    }
}
