package dev.capi.rest.v3.isolationsegments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.isolationsegments.IsolationSegmentCommands;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.RubyJson;

import java.util.ArrayList;
import java.util.List;

/** Parses and validates isolation segment bodies and the to-one segment relationships of orgs and spaces. */
final class IsolationSegmentMessages {
    private static final int NAME_COLUMN = 255;

    private IsolationSegmentMessages() {
    }

    static IsolationSegmentCommands.Create create(String raw) {
        Body body = Body.parse(raw, "name", "metadata");
        String name = body.string("name", true, NAME_COLUMN);
        var metadata = body.metadata();
        body.validate();
        return new IsolationSegmentCommands.Create(name, metadata);
    }

    /** A null name is accepted here and refused by the domain with the model's text, as the reference. */
    static IsolationSegmentCommands.Update update(String raw) {
        Body body = Body.parse(raw, "name", "metadata");
        boolean nameGiven = body.has("name");
        String name = nameGiven && !body.isNull("name") ? body.string("name", false, NAME_COLUMN) : null;
        var metadata = body.metadata();
        body.validate();
        return new IsolationSegmentCommands.Update(nameGiven, name, metadata);
    }

    /** {@code {"data": [{"guid": ...}, ...]}}: the organizations to entitle. */
    static List<String> organizations(String raw) {
        Body body = Body.parse(raw, "data");
        JsonNode data = body.json().get("data");
        if (RubyJson.blank(data)) {
            body.error("Data can't be blank");
        }
        if (data == null || !data.isArray()) {
            body.error("Data must be an array");
        }
        List<String> guids = new ArrayList<>();
        if (data != null && data.isArray()) {
            for (JsonNode element : data) {
                JsonNode guid = element.isObject() ? element.get("guid") : null;
                if (guid == null || !guid.isTextual()) {
                    body.error("Data " + RubyJson.toS(guid) + " not a string");
                } else {
                    guids.add(guid.asText());
                }
            }
        }
        body.validate();
        return guids;
    }

    /** {@code {"data": {"guid": g}}}, {@code {"data": null}}, or no {@code data} at all. */
    static IsolationSegmentCommands.Assign assign(String raw) {
        Body body = Body.parse(raw, "data");
        if (!body.has("data")) {
            body.validate();
            return new IsolationSegmentCommands.Assign(false, null);
        }
        JsonNode data = body.json().get("data");
        if (data.isNull()) {
            body.validate();
            return new IsolationSegmentCommands.Assign(true, null);
        }
        if (RubyJson.blank(data)) {
            body.error("Data can't be blank");
        }
        String guid = null;
        if (!data.isObject()) {
            body.error("Data must be an object");
        } else {
            if (data.size() != 1) {
                body.error("Data can only accept one key");
            }
            if (!data.has("guid")) {
                body.error("Data can only accept key 'guid'");
            }
            JsonNode g = data.get("guid");
            if (g != null && !g.isNull() && !g.isTextual()) {
                body.error("Data " + RubyJson.toS(g) + " must be a string");
            } else if (g != null && g.isTextual()) {
                guid = g.asText();
            }
        }
        body.validate();
        return new IsolationSegmentCommands.Assign(true, guid);
    }
}
