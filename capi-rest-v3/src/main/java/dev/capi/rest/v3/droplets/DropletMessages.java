package dev.capi.rest.v3.droplets;

import dev.capi.domain.droplets.DropletFilter;
import dev.capi.domain.query.ListQuery;
import dev.capi.model.MetadataUpdate;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.ListSpec;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses and validates droplet requests (list parameters and bodies) with the reference's texts. */
final class DropletMessages {
    /** {@code GET /v3/droplets}. */
    static final ListSpec LIST = ListSpec.of(DropletFilter.LIST).labelSelector();
    /** {@code GET /v3/apps/:guid/droplets}. */
    static final ListSpec APP_LIST = ListSpec.of(DropletFilter.APP_LIST).labelSelector();
    /** {@code GET /v3/packages/:guid/droplets}. */
    static final ListSpec PACKAGE_LIST = ListSpec.of(DropletFilter.PACKAGE_LIST).labelSelector();

    private DropletMessages() {
    }

    /** {@code POST /v3/droplets}: the app, its process types (type to command) and metadata. */
    record Create(String appGuid, Map<String, String> processTypes, MetadataUpdate metadata) {
    }

    /** {@code PATCH /v3/droplets/:guid}: metadata and (docker droplets) the image. */
    record Update(MetadataUpdate metadata, String image) {
    }

    /** An app's droplet list: its query without {@code current}, and whether only the current droplet is wanted. */
    record AppList(ListQuery query, boolean current) {
    }

    static Create create(String raw) {
        Body body = Body.parse(raw, "relationships", "process_types", "metadata");
        String app = body.relationshipGuid("app", true);
        Map<String, String> types = null;
        var given = body.object("process_types");
        if (body.has("process_types") && given == null) {
            body.error("Process types must be an object");
        } else if (given != null) {
            types = new LinkedHashMap<>();
            for (var it = given.fields(); it.hasNext(); ) {
                var f = it.next();
                if (!f.getValue().isTextual()) {
                    body.error("Process types must have string values");
                    break;
                }
                types.put(f.getKey(), f.getValue().asText());
            }
        }
        var metadata = body.metadata();
        body.validate();
        return new Create(app, types, metadata);
    }

    /** {@code POST /v3/droplets?source_guid=}: the app to copy to. */
    static String copy(String raw) {
        Body body = Body.parse(raw, "relationships");
        String app = body.relationshipGuid("app", true);
        body.validate();
        return app;
    }

    static Update update(String raw) {
        Body body = Body.parse(raw, "metadata", "image");
        String image = body.string("image", false, 4096);
        var metadata = body.metadata();
        body.validate();
        return new Update(metadata, image);
    }

    /** Takes {@code current} out of the parsed query ({@code current=true} among its values asks for it). */
    static AppList appList(ListQuery q) {
        List<String> current = q.filter(DropletFilter.CURRENT.key());
        var filters = new HashMap<>(q.filters());
        filters.remove(DropletFilter.CURRENT.key());
        var withoutCurrent = new ListQuery(q.page(), q.perPage(), q.orderBy(), filters, q.timestamps(),
                q.labelSelector(), q.visibility());
        return new AppList(withoutCurrent, current != null && current.contains("true"));
    }
}
