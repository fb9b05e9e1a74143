package dev.capi.domain.query;

import dev.capi.domain.errors.CfException;
import dev.capi.domain.metadata.LabelKey;
import dev.capi.domain.metadata.LabelValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A parsed and validated {@code label_selector} query value: requirements that a resource must all satisfy. */
public final class LabelSelector {
    /** The most requirements one selector may hold. */
    public static final int MAX_REQUIREMENTS = 50;
    static final String MISSING = "Missing label_selector value";
    static final String INVALID = "Invalid label_selector value";
    static final String TOO_MANY = "Too many label_selector requirements (maximum is " + MAX_REQUIREMENTS + ")";

    private final List<LabelRequirement> requirements;

    private LabelSelector(List<LabelRequirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    /**
     * Parses {@code raw} (already URL-decoded), throwing BadQueryParameter whose detail joins every problem with
     * {@code ", "} (see {@link #errors}).
     */
    public static LabelSelector parse(String raw) {
        List<String> errors = errors(raw);
        if (!errors.isEmpty()) {
            throw CfException.badQuery(String.join(", ", errors));
        }
        return new LabelSelector(parsed(raw).stream().map(RawRequirement::toRequirement).toList());
    }

    /**
     * The reference's problems with {@code raw}, empty when it is valid: "Missing label_selector value" when it holds
     * no requirement, "Too many label_selector requirements (maximum is 50)", else per requirement in order either
     * "Invalid label_selector value" or its first key or value error (e.g. "key cannot be empty string").
     */
    public static List<String> errors(String raw) {
        List<RawRequirement> parsed = parsed(raw);
        if (parsed.isEmpty()) {
            return List.of(MISSING);
        }
        if (parsed.size() > MAX_REQUIREMENTS) {
            return List.of(TOO_MANY);
        }
        List<String> errors = new ArrayList<>();
        for (RawRequirement requirement : parsed) {
            problem(requirement).ifPresent(errors::add);
        }
        return errors;
    }

    /** The requirements, in the order written. */
    public List<LabelRequirement> requirements() {
        return requirements;
    }

    private static List<RawRequirement> parsed(String raw) {
        if (raw == null) {
            return List.of();
        }
        return SelectorSplitter.split(raw).stream().map(RawRequirement::parse).toList();
    }

    private static Optional<String> problem(RawRequirement requirement) {
        if (requirement.operator() == null) {
            return Optional.of(INVALID);
        }
        Optional<String> keyError = LabelKey.error(requirement.key());
        if (keyError.isPresent()) {
            return keyError;
        }
        return requirement.values().stream().map(LabelValue::error).flatMap(Optional::stream).findFirst();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelSelector selector && selector.requirements.equals(requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode();
    }

    @Override
    public String toString() {
        return "LabelSelector" + requirements;
    }
}
