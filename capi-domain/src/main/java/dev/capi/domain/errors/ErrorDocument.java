package dev.capi.domain.errors;

import java.util.List;
import java.util.Optional;

/**
 * What every REST adapter answers for a failure: the V3 error document {@code {"errors":[{detail,title,code}]}} and
 * its HTTP status, decided here once. Adapters only serialize it (the entries' fields in the order given) — no adapter
 * invents its own error JSON.
 */
public record ErrorDocument(int status, List<Entry> errors) {
    public ErrorDocument {
        errors = List.copyOf(errors);
    }

    /** One entry of the {@code errors} array, fields in the reference's order. */
    public record Entry(String detail, String title, int code) {
        public static Entry of(CfError kind, String detail) {
            return new Entry(detail, kind.title(), kind.code());
        }
    }

    /** A domain failure: its kind and detail, or each underlying error of a compound one (the first's status). */
    public static ErrorDocument of(CfException e) {
        if (!e.underlying().isEmpty()) {
            return new ErrorDocument(e.kind().httpStatus(),
                    e.underlying().stream().map(u -> Entry.of(u.kind(), u.detail())).toList());
        }
        return of(e.kind(), e.detail());
    }

    public static ErrorDocument of(CfError kind, String detail) {
        return new ErrorDocument(kind.httpStatus(), List.of(Entry.of(kind, detail)));
    }

    /**
     * A request the HTTP framework refused before any use case ran, by the status the framework chose: an unknown
     * route (404) or method (405) is 404 NotFound, an unsupported media type 400 MessageParseError, an oversized body
     * 413 RequestEntityTooLarge, any other 4xx 400 InvalidRequest. Empty for other statuses: those are unexpected
     * failures ({@link #unexpected()}, to be logged by the adapter).
     */
    public static Optional<ErrorDocument> refusedRequest(int status) {
        if (status == 404 || status == 405) {
            return Optional.of(of(CfError.NotFound, CfError.NotFound.detail()));
        }
        if (status == 415) {
            return Optional.of(of(CfError.MessageParseError, "invalid request body"));
        }
        if (status == 413) {
            return Optional.of(of(CfError.RequestEntityTooLarge, "the request body is too large"));
        }
        if (status >= 400 && status < 500) {
            return Optional.of(of(CfError.InvalidRequest, CfError.InvalidRequest.detail()));
        }
        return Optional.empty();
    }

    /** Anything unexpected: 500 UnknownError, with nothing of the cause shown. */
    public static ErrorDocument unexpected() {
        return of(CfError.UnknownError, CfError.UnknownError.detail());
    }
}
