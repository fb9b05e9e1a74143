package dev.capi.domain.metadata;

import dev.capi.domain.errors.CfException;
import dev.capi.model.Metadata;
import dev.capi.model.MetadataUpdate;

/** Applies a metadata update to a resource: checks limits, merges and stores it. Validation happens in the message. */
public final class MetadataChanges {
    private final MetadataRepository repository;
    private final int maxLabels;
    private final int maxAnnotations;

    public MetadataChanges(MetadataRepository repository, int maxLabels, int maxAnnotations) {
        this.repository = repository;
        this.maxLabels = maxLabels;
        this.maxAnnotations = maxAnnotations;
    }

    public Metadata apply(String resourceGuid, String resourceType, Metadata current, MetadataUpdate update) {
        if (update == null || (update.labels() == null && update.annotations() == null)) {
            return current;
        }
        new MetadataValidator().checkLimits(current, update, maxLabels, maxAnnotations);
        Metadata merged = current.apply(update);
        repository.replace(resourceGuid, resourceType, merged);
        return merged;
    }
}
