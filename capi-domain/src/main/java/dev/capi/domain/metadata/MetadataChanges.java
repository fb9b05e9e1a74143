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
        Metadata merged = current.apply(update);
        if (merged.labels().size() > maxLabels && merged.labels().size() > current.labels().size()) {
            throw CfException.of(dev.capi.domain.errors.CfError.LabelLimitExceeded,
                    merged.labels().size(), maxLabels);
        }
        if (merged.annotations().size() > maxAnnotations
                && merged.annotations().size() > current.annotations().size()) {
            throw CfException.of(dev.capi.domain.errors.CfError.AnnotationLimitExceeded,
                    merged.annotations().size(), maxAnnotations);
        }
        repository.replace(resourceGuid, resourceType, merged);
        return merged;
    }
}
