package dev.capi.model;

import java.util.Map;

/** A requested metadata change: null maps mean "not given"; null values delete a key. */
public record MetadataUpdate(Map<String, String> labels, Map<String, String> annotations) {
}
