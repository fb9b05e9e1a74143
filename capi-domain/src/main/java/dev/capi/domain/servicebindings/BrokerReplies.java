package dev.capi.domain.servicebindings;

import dev.capi.domain.osbapi.BrokerReply;
import dev.capi.domain.osbapi.BrokerUnreachable;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads broker answers to binding requests as the reference's response parser does: which statuses succeed, which
 * are async, the error texts ({@code Service broker error: <description>}, the invalid-response text with status and
 * body), and which failures call for orphan mitigation (timeouts, bad responses, a malformed 201).
 */
final class BrokerReplies {
    private BrokerReplies() {
    }

    static BrokerOutcome bind(BrokerReply r, BindableInstance.ManagedPlan plan, boolean route) {
        switch (r.status()) {
            case 200, 201 -> {
                if (r.malformed()) {
                    return new BrokerOutcome.Failed("The service broker returned an invalid response: expected valid "
                            + "JSON object in body, broker returned " + r.status(), r.status() == 201);
                }
                Object credentials = r.body().get("credentials");
                if (credentials != null && !(credentials instanceof Map)) {
                    return new BrokerOutcome.Failed("The service broker returned an invalid response: expected "
                            + "credentials to be a valid JSON object", true);
                }
                String drain = r.string("syslog_drain_url").orElse(null);
                if (drain != null && !plan.requires().contains("syslog_drain")) {
                    return new BrokerOutcome.Failed("The service is attempting to stream logs from your application, "
                            + "but is not registered as a logging service. Please contact the service provider.", true);
                }
                Object mounts = r.body().get("volume_mounts");
                if (mounts != null && (!(mounts instanceof List) || !plan.requires().contains("volume_mount"))) {
                    return new BrokerOutcome.Failed("The service is attempting to supply volume mounts from your "
                            + "application, but is not registered as a volume mount service. Please contact the "
                            + "service provider.", true);
                }
                String routeUrl = r.string("route_service_url").orElse(null);
                if (route && routeUrl != null && !routeUrl.startsWith("https://")) {
                    return new BrokerOutcome.Failed("The service broker returned an invalid response: "
                            + "route_service_url must use https", true);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> creds = credentials == null ? Map.of() : (Map<String, Object>) credentials;
                @SuppressWarnings("unchecked")
                List<Object> volumeMounts = (List<Object>) mounts;
                return new BrokerOutcome.Bound(creds, drain, routeUrl, volumeMounts);
            }
            case 202 -> {
                if (!plan.bindingsRetrievable()) {
                    return new BrokerOutcome.Failed("The broker responded asynchronously but does not support "
                            + "fetching binding data", true);
                }
                return new BrokerOutcome.Accepted(r.string("operation").orElse(null));
            }
            case 409 -> {
                return new BrokerOutcome.Failed(r.string("description").map(d -> "Service broker error: " + d)
                        .orElse("Resource conflict"), false);
            }
            case 422 -> {
                String error = r.string("error").orElse("");
                return switch (error) {
                    case "RequiresApp" -> new BrokerOutcome.Failed(
                            "This service supports generation of credentials through binding an application only.",
                            false);
                    case "AsyncRequired" -> new BrokerOutcome.Failed(
                            "This service plan requires client support for asynchronous service operations.", false);
                    case "ConcurrencyError" -> new BrokerOutcome.Failed("The service broker rejected the request due "
                            + "to an operation being in progress for the service binding.", false);
                    default -> badResponse(r, true);
                };
            }
            case 401 -> {
                return new BrokerOutcome.Failed("Authentication failed for the service broker API. Double-check that "
                        + "the username and password are correct", false);
            }
            default -> {
                return badResponse(r, true);
            }
        }
    }

    static BrokerOutcome unbind(BrokerReply r) {
        return switch (r.status()) {
            case 200, 410 -> new BrokerOutcome.Unbound();
            case 202 -> new BrokerOutcome.Accepted(r.string("operation").orElse(null));
            case 422 -> "ConcurrencyError".equals(r.string("error").orElse("")) ? new BrokerOutcome.Failed(
                    "The service broker rejected the request due to an operation being in progress for the service "
                            + "binding.", false) : badResponse(r, false);
            default -> badResponse(r, false);
        };
    }

    /**
     * A last_operation answer; for deletes a 410 means done. Anything unusable keeps the operation in progress, as
     * the reference's poll does (the deadline ends it).
     */
    static BrokerOutcome.Progress lastOperation(BrokerReply r, boolean deleting) {
        if (deleting && r.status() == 410) {
            return new BrokerOutcome.Progress("succeeded", null, r.retryAfter());
        }
        if (r.status() != 200 || r.malformed()) {
            return new BrokerOutcome.Progress("in progress", null, r.retryAfter());
        }
        String state = r.string("state").orElse("");
        if (!List.of("in progress", "succeeded", "failed").contains(state)) {
            return new BrokerOutcome.Progress("in progress", null, r.retryAfter());
        }
        return new BrokerOutcome.Progress(state, r.string("description").orElse(null), r.retryAfter());
    }

    static BrokerOutcome.Failed unreachable(BrokerUnreachable e, String url) {
        return e.timedOut()
                ? new BrokerOutcome.Failed("The request to the service broker timed out: " + url, true)
                : new BrokerOutcome.Failed("The service broker could not be reached: " + url, false);
    }

    private static BrokerOutcome.Failed badResponse(BrokerReply r, boolean orphan) {
        Optional<String> description = r.string("description");
        String message = description.map(d -> "Service broker error: " + d).orElse(
                "The service broker returned an invalid response. Status Code: " + r.status() + ", Body: "
                        + (r.malformed() ? "(not a JSON object)" : dev.capi.domain.support.JsonText.write(r.body())));
        return new BrokerOutcome.Failed(message, orphan);
    }
}
