package dev.capi.rest.v3.revisions;

import dev.capi.domain.revisions.RevisionFilter;
import dev.capi.model.MetadataUpdate;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.ListSpec;

/** Parses and validates revision requests (list parameters and bodies) with the reference's texts. */
final class RevisionMessages {
    /** {@code GET /v3/apps/:guid/revisions}. */
    static final ListSpec LIST = ListSpec.of(RevisionFilter.LIST).labelSelector();
    /** {@code GET /v3/apps/:guid/revisions/deployed}. */
    static final ListSpec DEPLOYED_LIST = ListSpec.of(RevisionFilter.DEPLOYED_LIST);

    private RevisionMessages() {
    }

    /** {@code PATCH /v3/revisions/:guid}: {@code metadata} only. */
    static MetadataUpdate update(String raw) {
        Body body = Body.parse(raw, "metadata");
        var metadata = body.metadata();
        body.validate();
        return metadata;
    }
}
