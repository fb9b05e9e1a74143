package dev.capi.domain.servicebrokers;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in a broker's catalog, nested as the reference keeps them (catalog, then service, then plan,
 * then schemas) and formatted as its ValidationErrorsFormatter does: one message a line, services and plans as
 * indented headings.
 */
final class CatalogErrors {
    private static final String INDENT = "  ";

    private final List<String> messages = new ArrayList<>();
    private final List<Nested> nested = new ArrayList<>();

    private record Nested(String heading, CatalogErrors errors) {
    }

    void add(String message) {
        messages.add(message);
    }

    void addNested(String heading, CatalogErrors errors) {
        if (!errors.isEmpty()) {
            nested.add(new Nested(heading, errors));
        }
    }

    int count() {
        return messages.size();
    }

    boolean isEmpty() {
        return messages.isEmpty() && nested.isEmpty();
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    /** The reference's text: a newline, the catalog's messages, then each service's and plan's, indented. */
    String format() {
        StringBuilder out = new StringBuilder("\n");
        messages.forEach(m -> out.append(m).append('\n'));
        for (Nested service : nested) {
            out.append(service.heading()).append('\n');
            service.errors().messages.forEach(m -> out.append(INDENT).append(m).append('\n'));
            for (Nested plan : service.errors().nested) {
                out.append(INDENT).append(plan.heading()).append('\n');
                plan.errors().messages.forEach(m -> out.append(INDENT.repeat(2)).append(m).append('\n'));
                for (Nested schemas : plan.errors().nested) {
                    out.append(INDENT.repeat(2)).append("Schemas\n");
                    schemas.errors().all().forEach(m -> out.append(INDENT.repeat(3)).append(m).append('\n'));
                }
            }
        }
        return out.toString();
    }

    private List<String> all() {
        List<String> result = new ArrayList<>();
        nested.forEach(n -> result.addAll(n.errors().all()));
        result.addAll(messages);
        return result;
    }
}
