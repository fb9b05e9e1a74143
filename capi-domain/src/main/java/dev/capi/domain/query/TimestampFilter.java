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
}
