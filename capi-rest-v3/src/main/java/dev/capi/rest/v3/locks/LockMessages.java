package dev.capi.rest.v3.locks;

import dev.capi.domain.locks.LockCommands;
import dev.capi.domain.locks.LockFilter;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.ListSpec;

/** Parses and validates lock requests (list parameters and bodies) with the reference's texts. */
final class LockMessages {
    /** {@code GET /v3/locks}. */
    static final ListSpec LIST = ListSpec.of(LockFilter.LIST).labelSelector();

    private LockMessages() {
    }

    /** {@code POST /v3/locks}: {@code title} and the app required; {@code detail} and metadata optional. */
    static LockCommands.Create create(String raw) {
        Body body = Body.parse(raw, "title", "detail", "relationships", "metadata");
        String title = body.string("title", true, 255);
        String detail = body.string("detail", false, 5000);
        String app = body.relationshipGuid("app", true);
        var metadata = body.metadata();
        body.validate();
        return new LockCommands.Create(title, detail, app, metadata);
    }

    /** {@code PATCH /v3/locks/:guid}: {@code detail} and metadata. */
    static LockCommands.Update update(String raw) {
        Body body = Body.parse(raw, "detail", "metadata");
        String detail = body.string("detail", false, 5000);
        var metadata = body.metadata();
        body.validate();
        return new LockCommands.Update(detail, metadata);
    }
}
