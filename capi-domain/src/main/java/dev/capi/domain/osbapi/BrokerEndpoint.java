package dev.capi.domain.osbapi;

/** Where a broker answers and the basic-auth credentials it expects. The password is never logged or presented. */
public record BrokerEndpoint(String url, String username, String password) {
    @Override
    public String toString() {
        return "BrokerEndpoint[url=" + url + ", username=" + username + "]";
    }
}
