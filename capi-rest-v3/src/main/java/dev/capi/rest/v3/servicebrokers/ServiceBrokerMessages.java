package dev.capi.rest.v3.servicebrokers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.servicebrokers.ServiceBrokerCommands;
import dev.capi.rest.v3.support.Body;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/** Parses and validates service broker bodies as the reference's ServiceBrokerCreate/UpdateMessage. */
final class ServiceBrokerMessages {
    private static final Pattern HTTP_URL = Pattern.compile("^https?://[^\\s/?#]+[^\\s]*$", Pattern.CASE_INSENSITIVE);

    private ServiceBrokerMessages() {
    }

    static ServiceBrokerCommands.Create create(String raw) {
        Body body = Body.parse(raw, "name", "url", "authentication", "relationships", "metadata");
        String name = name(body, true);
        String url = url(body, true);
        String[] credentials = authentication(body, true);
        String space = body.has("relationships") ? space(body) : null;
        var metadata = body.metadata();
        body.validate();
        return new ServiceBrokerCommands.Create(name, url, credentials[0], credentials[1], space, metadata);
    }

    static ServiceBrokerCommands.Update update(String raw) {
        Body body = Body.parse(raw, "name", "url", "authentication", "metadata");
        String name = name(body, false);
        String url = url(body, false);
        String[] credentials = authentication(body, false);
        var metadata = body.metadata();
        body.validate();
        return new ServiceBrokerCommands.Update(name, url, credentials[0], credentials[1], metadata);
    }

    private static String name(Body body, boolean create) {
        JsonNode node = body.json().get("name");
        if (node == null || node.isNull()) {
            if (create) {
                body.error("Name must be a string");
            }
            return null;
        }
        if (!node.isTextual()) {
            body.error("Name must be a string");
            return null;
        }
        if (node.asText().isEmpty()) {
            body.error("Name must not be empty string");
            return null;
        }
        return node.asText();
    }

    private static String url(Body body, boolean create) {
        JsonNode node = body.json().get("url");
        if (node == null || node.isNull()) {
            if (create) {
                body.error("Url must be a string");
                body.error("Url '' must be a valid url");
            }
            return null;
        }
        if (!node.isTextual()) {
            body.error("Url must be a string");
            body.error("Url '" + node + "' must be a valid url");
            return null;
        }
        String url = node.asText();
        if (!validUrl(url)) {
            body.error("Url '" + url + "' must be a valid url");
            return null;
        }
        if (URI.create(url).getUserInfo() != null) {
            body.error("Url must not contain authentication");
            return null;
        }
        return url;
    }

    private static boolean validUrl(String url) {
        if (!HTTP_URL.matcher(url).matches()) {
            return false;
        }
        try {
            return URI.create(url).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code authentication: {type: "basic", credentials: {username, password}}}: [username, password]. */
    private static String[] authentication(Body body, boolean create) {
        JsonNode node = body.json().get("authentication");
        if (node == null || node.isNull()) {
            if (create) {
                body.error("Authentication must be an object");
            }
            return new String[2];
        }
        if (!node.isObject()) {
            body.error("Authentication must be an object");
            return new String[2];
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("type") && !key.equals("credentials")) {
                unknown.add("'" + key + "'");
            }
        }
        if (!unknown.isEmpty()) {
            body.error("Authentication Unknown field(s): " + String.join(", ", unknown));
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || !type.asText().equals("basic")) {
            body.error("Authentication Type must be one of 'basic'");
        }
        JsonNode credentials = node.get("credentials");
        if (credentials == null || !credentials.isObject()) {
            body.error("Authentication Credentials must be an object");
            return new String[2];
        }
        List<String> bad = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        String username = credential(credentials, "username", bad, messages);
        String password = credential(credentials, "password", bad, messages);
        if (!bad.isEmpty()) {
            body.error("Authentication Field(s) [\"" + String.join("\", \"", bad) + "\"] must be valid: [\""
                    + String.join("\", \"", messages) + "\"]");
        }
        return new String[]{username, password};
    }

    private static String credential(JsonNode credentials, String key, List<String> bad, List<String> messages) {
        JsonNode value = credentials.get(key);
        String label = Character.toUpperCase(key.charAt(0)) + key.substring(1);
        if (value == null || value.isNull() || !value.isTextual()) {
            bad.add(key);
            messages.add(label + " must be a string");
            return null;
        }
        if (value.asText().isEmpty()) {
            bad.add(key);
            messages.add(label + " can't be blank");
            return null;
        }
        return value.asText();
    }

    private static String space(Body body) {
        var relationships = body.object("relationships");
        if (relationships == null) {
            return null;
        }
        List<String> unknown = new ArrayList<>();
        relationships.fieldNames().forEachRemaining(k -> {
            if (!k.equals("space")) {
                unknown.add("'" + k + "'");
            }
        });
        if (!unknown.isEmpty()) {
            body.error("Relationships Unknown field(s): " + String.join(", ", unknown));
            return null;
        }
        return body.relationshipGuid("space", true);
    }
}
