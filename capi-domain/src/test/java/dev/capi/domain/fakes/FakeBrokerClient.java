package dev.capi.domain.fakes;

import dev.capi.domain.osbapi.BrokerEndpoint;
import dev.capi.domain.osbapi.BrokerReply;
import dev.capi.domain.osbapi.BrokerUnreachable;
import dev.capi.domain.osbapi.ServiceBrokerClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A broker client answering from a table: the catalog reply per broker URL (or "unreachable"), and a log of the
 * endpoints it was asked with. Only the catalog is served; other calls fail loudly.
 */
public final class FakeBrokerClient implements ServiceBrokerClient {
    private final Map<String, BrokerReply> catalogs = new HashMap<>();
    public final List<BrokerEndpoint> asked = new ArrayList<>();

    public FakeBrokerClient catalog(String url, Map<String, Object> body) {
        catalogs.put(url, new BrokerReply(200, body, false, Optional.empty()));
        return this;
    }

    public FakeBrokerClient reply(String url, BrokerReply reply) {
        catalogs.put(url, reply);
        return this;
    }

    @Override
    public BrokerReply catalog(BrokerEndpoint broker) {
        asked.add(broker);
        BrokerReply reply = catalogs.get(broker.url());
        if (reply == null) {
            throw new BrokerUnreachable("no broker at " + broker.url(), false, null);
        }
        return reply;
    }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("only the catalog is faked");
    }

    @Override
    public BrokerReply provision(BrokerEndpoint b, String id, Map<String, Object> body, Optional<String> user) {
        throw unused();
    }

    @Override
    public BrokerReply updateInstance(BrokerEndpoint b, String id, Map<String, Object> body, Optional<String> user) {
        throw unused();
    }

    @Override
    public BrokerReply deprovision(BrokerEndpoint b, String id, String s, String p, Optional<String> user) {
        throw unused();
    }

    @Override
    public BrokerReply instanceLastOperation(BrokerEndpoint b, String id, String s, String p, Optional<String> op) {
        throw unused();
    }

    @Override
    public BrokerReply fetchInstance(BrokerEndpoint b, String id, Optional<String> user) {
        throw unused();
    }

    @Override
    public BrokerReply bind(BrokerEndpoint b, String id, String bid, Map<String, Object> body, Optional<String> u) {
        throw unused();
    }

    @Override
    public BrokerReply unbind(BrokerEndpoint b, String id, String bid, String s, String p, Optional<String> u) {
        throw unused();
    }

    @Override
    public BrokerReply bindingLastOperation(BrokerEndpoint b, String id, String bid, String s, String p,
                                            Optional<String> op) {
        throw unused();
    }

    @Override
    public BrokerReply fetchBinding(BrokerEndpoint b, String id, String bid, Optional<String> user) {
        throw unused();
    }
}
