package dev.capi.domain.query;

import dev.capi.domain.metadata.LabelKey;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One requirement text matched against the reference's forms, before validation: the key as written, the operator
 * ({@code null} when no form matched) and the values split at commas.
 */
record RawRequirement(String key, Operator operator, List<String> values) {

    /** The characters a key may hold in the forms other than in/notin. */
    private static final String KEY = "[\\w\\-./]+";

    /** The reference's six operators, tried in this order. */
    enum Operator {
        IN("\\A(?<key>.*?) in \\((?<values>.*)\\)\\z"),
        NOT_IN("\\A(?<key>.*?) notin \\((?<values>.*)\\)\\z"),
        EQUAL("\\A(?<key>" + KEY + ")(==?)(?<values>.*)\\z"),
        NOT_EQUAL("\\A(?<key>" + KEY + ")(!=)(?<values>.*)\\z"),
        EXISTS("\\A(?<key>" + KEY + ")(?<values>)\\z"),
        NOT_EXISTS("\\A!(?<key>" + KEY + ")(?<values>)\\z");

        private final Pattern pattern;

        Operator(String regex) {
            // UNIX_LINES: '.' stops only at '\n', as in Ruby.
            this.pattern = Pattern.compile(regex, Pattern.UNIX_LINES);
        }
    }

    static RawRequirement parse(String text) {
        for (Operator operator : Operator.values()) {
            Matcher m = operator.pattern.matcher(text);
            if (m.find()) {
                return new RawRequirement(m.group("key"), operator, splitValues(m.group("values")));
            }
        }
        return new RawRequirement(text, null, List.of());
    }

    /** Like Ruby's {@code split(',')}: {@code ""} gives no values and trailing empty values are dropped. */
    private static List<String> splitValues(String values) {
        return values.isEmpty() ? List.of() : List.of(values.split(","));
    }

    LabelRequirement toRequirement() {
        String[] split = LabelKey.splitKey(key);
        String prefix = split[0];
        String name = split[1];
        return switch (operator) {
            case IN -> new LabelRequirement.In(prefix, name, values);
            case NOT_IN -> new LabelRequirement.NotIn(prefix, name, values);
            case EQUAL -> values.isEmpty()
                    ? new LabelRequirement.In(prefix, name, List.of())
                    : new LabelRequirement.Equal(prefix, name, values.get(0));
            case NOT_EQUAL -> values.isEmpty()
                    ? new LabelRequirement.NotIn(prefix, name, List.of())
                    : new LabelRequirement.NotEqual(prefix, name, values.get(0));
            case EXISTS -> new LabelRequirement.Exists(prefix, name);
            case NOT_EXISTS -> new LabelRequirement.NotExists(prefix, name);
        };
    }
}
