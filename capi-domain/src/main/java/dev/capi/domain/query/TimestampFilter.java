package dev.capi.domain.query;

import java.time.Instant;
import java.util.List;

/**
 * A filter on {@code created_at} or {@code updated_at}: either a list of whole seconds to match (EQ) or one
 * bound with a relational operator ({@code lte} and {@code gt} already widened to the end of the second).
 */
public record TimestampFilter(String column, Op op, List<Instant> values) {
    /** The relational operators of the reference. */
    public enum Op { EQ, LT, LTE, GT, GTE }

    /**
     * Whether {@code time} passes the filter, for lists built in memory (persistence renders the same rule as SQL);
     * a missing time never does.
     */
    public boolean matches(Instant time) {
        if (time == null) {
            return false;
        }
        return switch (op) {
            case EQ -> values.stream().anyMatch(v -> !time.isBefore(v) && time.isBefore(v.plusSeconds(1)));
            case LT -> time.isBefore(values.get(0));
            case LTE -> time.isBefore(values.get(0).plusSeconds(1));
            case GT -> !time.isBefore(values.get(0).plusSeconds(1));
            case GTE -> !time.isBefore(values.get(0));
        };
    }
}
