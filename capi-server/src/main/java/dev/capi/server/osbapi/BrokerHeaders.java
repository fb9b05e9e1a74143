package dev.capi.server.osbapi;

import dev.capi.domain.osbapi.BrokerEndpoint;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The values of the authentication and identity headers the reference sends to brokers. */
final class BrokerHeaders {
    private BrokerHeaders() {
    }

    static String basicAuth(BrokerEndpoint broker) {
        String pair = broker.username() + ":" + broker.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code cloudfoundry <base64 of {"user_id":"<guid>"}>}, the platform and the acting user. */
    static String originatingIdentity(String userGuid) {
        String identity = "{\"user_id\":\"" + userGuid.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return "cloudfoundry " + Base64.getEncoder().encodeToString(identity.getBytes(StandardCharsets.UTF_8));
    }
}
