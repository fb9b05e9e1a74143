package dev.capi.domain.servicebrokers;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.osbapi.BrokerEndpoint;
import dev.capi.domain.osbapi.BrokerReply;
import dev.capi.domain.osbapi.BrokerUnreachable;
import dev.capi.domain.osbapi.ServiceBrokerClient;
import dev.capi.domain.support.JsonText;

import java.util.Map;

/**
 * Asks a broker for its catalog and decides what the answer means, as the reference's response parser and catalog
 * updater do: 200 with a JSON object is the catalog; 401 fails authentication; 408 and no answer in time time out;
 * other 4xx are rejected ({@code ServiceBrokerRequestRejected}); a 200 that is not a JSON object is malformed; every
 * other status is a bad response (with the broker's {@code description} when it sent one).
 */
public final class CatalogFetch {
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"), Map.entry(201, "Created"),
            Map.entry(202, "Accepted"), Map.entry(204, "No Content"), Map.entry(400, "Bad Request"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(409, "Conflict"), Map.entry(410, "Gone"), Map.entry(412, "Precondition Failed"),
            Map.entry(422, "Unprocessable Entity"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    private final ServiceBrokerClient client;

    public CatalogFetch(ServiceBrokerClient client) {
        this.client = client;
    }

    /** The catalog body, or the reference's error for this answer. */
    public Map<String, Object> fetch(BrokerEndpoint broker) {
        BrokerReply reply;
        try {
            reply = client.catalog(broker);
        } catch (BrokerUnreachable e) {
            throw CfException.of(e.timedOut() ? CfError.ServiceBrokerApiTimeout : CfError.ServiceBrokerApiUnreachable);
        }
        return interpret(reply);
    }

    static Map<String, Object> interpret(BrokerReply reply) {
        int status = reply.status();
        if (status == 401) {
            throw CfException.of(CfError.ServiceBrokerApiAuthenticationFailed);
        }
        if (status == 408) {
            throw CfException.of(CfError.ServiceBrokerApiTimeout);
        }
        if (status >= 400 && status <= 499 && status != 409 && status != 410 && status != 422) {
            throw CfException.of(CfError.ServiceBrokerRequestRejected, status + " " + REASONS.getOrDefault(status, ""));
        }
        if (status == 200) {
            if (reply.malformed()) {
                throw CfException.of(CfError.ServiceBrokerRequestMalformed);
            }
            return reply.body();
        }
        throw badResponse(reply);
    }

    private static CfException badResponse(BrokerReply reply) {
        String description = reply.string("description").orElse(null);
        String message = description != null ? "Service broker error: " + description
                : "The service broker returned an invalid response. Status Code: " + reply.status() + " "
                + REASONS.getOrDefault(reply.status(), "") + ", Body: "
                + (reply.body().isEmpty() ? "" : JsonText.write(reply.body()));
        return CfException.of(CfError.ServiceBrokerBadResponse, message);
    }
}
