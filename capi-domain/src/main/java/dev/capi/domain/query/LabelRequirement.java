package dev.capi.domain.query;

import java.util.List;

/** One requirement of a label selector; prefix is "" when the key has none. */
public sealed interface LabelRequirement {
    String prefix();

    String name();

    record Exists(String prefix, String name) implements LabelRequirement { }

    record NotExists(String prefix, String name) implements LabelRequirement { }

    record Equal(String prefix, String name, String value) implements LabelRequirement { }

    record NotEqual(String prefix, String name, String value) implements LabelRequirement { }

    record In(String prefix, String name, List<String> values) implements LabelRequirement { }

    record NotIn(String prefix, String name, List<String> values) implements LabelRequirement { }
}
