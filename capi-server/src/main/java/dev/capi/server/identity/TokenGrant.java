package dev.capi.server.identity;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** One OAuth grant type of the token endpoint, answering for an authenticated client that may use it. */
interface TokenGrant {
    /** The {@code grant_type} value this grant answers. */
    String type();

    /** The token response, or UAA's error document. */
    Response grant(OAuthClient client, MultivaluedMap<String, String> form);
}
