package dev.capi.rest.v3.support;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the reference's messages see a JSON value (Rails' {@code blank?}, {@code to_s}, the length validator's
 * length), for validations whose texts depend on it.
 */
public final class RubyJson {
    private RubyJson() {
    }

    /** Rails' {@code blank?}: nil, false, a whitespace-only string, an empty array or object. */
    public static boolean blank(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return true;
        }
        if (v.isBoolean()) {
            return !v.asBoolean();
        }
        if (v.isTextual()) {
            return v.asText().isBlank();
        }
        if (v.isContainerNode()) {
            return v.isEmpty();
        }
        return false;
    }

    /** Ruby-falsy: absent, null or false. */
    public static boolean falsy(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() || (v.isBoolean() && !v.asBoolean());
    }

    /** Interpolation ({@code "#{value}"}) of scalars; containers are shown as JSON. */
    public static String toS(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** The length ActiveModel's length validator measures: characters, elements, or the text of other values. */
    public static int length(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return 0;
        }
        if (v.isTextual()) {
            return v.asText().codePointCount(0, v.asText().length());
        }
        if (v.isContainerNode()) {
            return v.size();
        }
        return v.asText().length();
    }
}
