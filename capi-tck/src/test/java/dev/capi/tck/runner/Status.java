package dev.capi.tck.runner;

/** What the kit concluded about a test or an inventory row. */
enum Status {
    /** The target behaved as the reference does. */
    PASS,
    /** The target deviates: a wrong status, field, shape or side effect. */
    FAIL,
    /** The target does not route the endpoint (404 CF-NotFound "Unknown request"): not implemented, not wrong. */
    UNSUPPORTED,
    /** Not run: a role the kit could not obtain, a precondition of the target, or --fail-fast. */
    SKIPPED,
    /** An inventory row no test checks. */
    NOT_COVERED
}
