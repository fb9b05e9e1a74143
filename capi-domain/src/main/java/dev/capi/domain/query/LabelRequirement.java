package dev.capi.domain.query;

import java.util.List;
import java.util.Objects;

/**
 * One ANDed requirement of a {@code label_selector}, on the label whose key is {@code prefix/name} ({@code prefix} is
 * {@code ""} when the key has none).
 */
public sealed interface LabelRequirement {

    /** The key's DNS prefix, or {@code ""}. */
    String prefix();

    /** The key's name. */
    String name();

    /** The full key as written in metadata: {@code prefix/name}, or {@code name} alone. */
    default String key() {
        return prefix().isEmpty() ? name() : prefix() + "/" + name();
    }

    /** {@code key}: the resource has the label, whatever its value. */
    record Exists(String prefix, String name) implements LabelRequirement {
        public Exists {
            Objects.requireNonNull(prefix);
            Objects.requireNonNull(name);
        }
    }

    /** {@code !key}: the resource lacks the label. */
    record NotExists(String prefix, String name) implements LabelRequirement {
        public NotExists {
            Objects.requireNonNull(prefix);
            Objects.requireNonNull(name);
        }
    }

    /**
     * {@code key=value} or {@code key==value}: the label has this value. The value is never empty: the reference turns
     * {@code key=} into a match on no values, which {@link LabelSelector} expresses as an {@link In} with no values.
     */
    record Equal(String prefix, String name, String value) implements LabelRequirement {
        public Equal {
            Objects.requireNonNull(prefix);
            Objects.requireNonNull(name);
            Objects.requireNonNull(value);
        }
    }

    /**
     * {@code key!=value}: the label has another value or is absent. {@code key!=} parses as a {@link NotIn} with no
     * values (which every resource satisfies).
     */
    record NotEqual(String prefix, String name, String value) implements LabelRequirement {
        public NotEqual {
            Objects.requireNonNull(prefix);
            Objects.requireNonNull(name);
            Objects.requireNonNull(value);
        }
    }

    /** {@code key in (v1,v2)}: the label has one of the values; with no values nothing matches. */
    record In(String prefix, String name, List<String> values) implements LabelRequirement {
        public In {
            Objects.requireNonNull(prefix);
            Objects.requireNonNull(name);
            values = List.copyOf(values);
        }
    }

    /** {@code key notin (v1,v2)}: the label has none of the values or is absent; with no values everything matches. */
    record NotIn(String prefix, String name, List<String> values) implements LabelRequirement {
        public NotIn {
            Objects.requireNonNull(prefix);
            Objects.requireNonNull(name);
            values = List.copyOf(values);
        }
    }
}
