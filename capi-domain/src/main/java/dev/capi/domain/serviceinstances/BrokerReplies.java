package dev.capi.domain.serviceinstances;

import dev.capi.domain.osbapi.BrokerEndpoint;
import dev.capi.domain.osbapi.BrokerReply;
import dev.capi.domain.osbapi.BrokerUnreachable;

import java.util.Map;
import java.util.Optional;

/**
 * The meaning of a broker's answers for service instances, as the reference's response parser and client decide:
 * status by status, with the reference's error descriptions, and orphan mitigation after a provision that timed
 * out, got a 5xx or got a malformed 201/202.
 */
public final class BrokerReplies {
    static final String ASYNC_REQUIRED = "This service plan requires client support for asynchronous service "
            + "operations.";
    static final String CONCURRENCY = "The service broker rejected the request due to an operation being in "
            + "progress for the service instance.";
    static final String MAINTENANCE_CONFLICT = "The service broker did not provide a maintenance_info version that "
            + "matches the one in the service plan.";

    private BrokerReplies() {
    }

    /** PUT /v2/service_instances/:id. */
    public static BrokerOutcome provision(BrokerReply r, BrokerEndpoint broker) {
        return switch (r.status()) {
            case 200, 201 -> r.malformed() ? malformed(r, r.status() != 200)
                    : BrokerOutcome.succeeded(lastOperationDescription(r), r.string("dashboard_url").orElse(null),
                    r.body());
            case 202 -> r.malformed() ? malformed(r, true)
                    : BrokerOutcome.inProgress(lastOperationDescription(r), r.string("operation").orElse(null),
                    r.retryAfter());
            case 409 -> BrokerOutcome.failed(conflict(r), false);
            case 422 -> unprocessable(r, true);
            default -> common(r, broker, "put", true);
        };
    }

    /** PATCH /v2/service_instances/:id. */
    public static BrokerOutcome update(BrokerReply r, BrokerEndpoint broker) {
        return switch (r.status()) {
            case 200 -> r.malformed() ? malformed(r, false)
                    : BrokerOutcome.succeeded(lastOperationDescription(r), r.string("dashboard_url").orElse(null),
                    r.body());
            case 202 -> r.malformed() ? malformed(r, false)
                    : BrokerOutcome.inProgress(lastOperationDescription(r), r.string("operation").orElse(null),
                    r.retryAfter());
            case 422 -> unprocessable(r, false);
            default -> common(r, broker, "patch", false);
        };
    }

    /** DELETE /v2/service_instances/:id. */
    public static BrokerOutcome deprovision(BrokerReply r, BrokerEndpoint broker) {
        return switch (r.status()) {
            case 200, 410 -> BrokerOutcome.succeeded("", null, Map.of());
            case 202 -> r.malformed() ? malformed(r, false)
                    : BrokerOutcome.inProgress(lastOperationDescription(r), r.string("operation").orElse(null),
                    r.retryAfter());
            case 409 -> BrokerOutcome.failed(conflict(r), false);
            case 422 -> unprocessable(r, false);
            default -> common(r, broker, "delete", false);
        };
    }

    /**
     * GET .../last_operation: the state the broker reports (without one: succeeded for a delete, else in
     * progress; 410 Gone ends a delete). Any other answer keeps polling, as the reference does.
     */
    public static BrokerOutcome lastOperation(BrokerReply r, String operationType) {
        boolean delete = "delete".equals(operationType);
        if (r.is(410) && delete) {
            return BrokerOutcome.succeeded("", null, Map.of());
        }
        if (!r.is(200) || r.malformed()) {
            return BrokerOutcome.inProgress(null, null, r.retryAfter());
        }
        String description = r.string("description").orElse(null);
        String state = r.string("state").orElse(delete ? "succeeded" : "in progress");
        return switch (state) {
            case "succeeded" -> BrokerOutcome.succeeded(description, null, r.body());
            case "failed" -> BrokerOutcome.failed(description, false);
            default -> BrokerOutcome.inProgress(description, null, r.retryAfter());
        };
    }

    /** No HTTP answer: a timeout (orphan mitigation after a provision) or an unreachable broker. */
    public static BrokerOutcome unreachable(BrokerUnreachable e, BrokerEndpoint broker, boolean provision) {
        if (e.timedOut()) {
            return BrokerOutcome.failed("The request to the service broker timed out: " + broker.url(), provision);
        }
        return BrokerOutcome.failed("The service broker could not be reached: " + broker.url(), false);
    }

    private static BrokerOutcome common(BrokerReply r, BrokerEndpoint broker, String method, boolean provision) {
        int s = r.status();
        if (s == 401) {
            return BrokerOutcome.failed("Authentication failed for the service broker API. Double-check that the "
                    + "username and password are correct: " + broker.url(), false);
        }
        if (s == 408) {
            return BrokerOutcome.failed("The request to the service broker timed out: " + broker.url(), false);
        }
        if (s >= 400 && s < 500) {
            return BrokerOutcome.failed(described(r).orElse("The service broker rejected the request. Status Code: "
                    + statusLine(s) + ", Body: " + bodyText(r)), false);
        }
        return BrokerOutcome.failed(badResponse(r), provision);
    }

    private static BrokerOutcome unprocessable(BrokerReply r, boolean provision) {
        return switch (r.string("error").orElse("")) {
            case "AsyncRequired" -> BrokerOutcome.failed(ASYNC_REQUIRED, false);
            case "ConcurrencyError" -> BrokerOutcome.failed(CONCURRENCY, false);
            case "MaintenanceInfoConflict" -> BrokerOutcome.failed(
                    r.string("description").orElse(MAINTENANCE_CONFLICT), false);
            default -> BrokerOutcome.failed(badResponse(r), false);
        };
    }

    private static BrokerOutcome malformed(BrokerReply r, boolean mitigate) {
        return BrokerOutcome.failed("The service broker returned an invalid response: expected valid JSON object "
                + "in body, broker returned '" + bodyText(r) + "'", mitigate);
    }

    private static String conflict(BrokerReply r) {
        return described(r).orElse("Resource conflict");
    }

    static String badResponse(BrokerReply r) {
        return described(r).orElse("The service broker returned an invalid response. Status Code: "
                + statusLine(r.status()) + ", Body: " + bodyText(r));
    }

    private static Optional<String> described(BrokerReply r) {
        return r.body().containsKey("description")
                ? Optional.of("Service broker error: " + r.body().get("description")) : Optional.empty();
    }

    private static String lastOperationDescription(BrokerReply r) {
        if (r.body().get("last_operation") instanceof Map<?, ?> lo && lo.get("description") instanceof String d) {
            return d;
        }
        return "";
    }

    private static String bodyText(BrokerReply r) {
        if (r.malformed() || r.body().isEmpty()) {
            return r.malformed() ? "(not a JSON object)" : "";
        }
        return dev.capi.domain.support.JsonText.write(r.body());
    }

    private static String statusLine(int status) {
        String reason = switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
        return reason.isEmpty() ? Integer.toString(status) : status + " " + reason;
    }
}
