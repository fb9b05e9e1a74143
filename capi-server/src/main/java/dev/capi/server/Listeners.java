package dev.capi.server;

import dev.capi.server.tls.TlsMaterial;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

import java.io.IOException;
import java.net.URI;

/** The Grizzly listeners: the public API over HTTP, the internal API over HTTPS with mutual TLS. */
final class Listeners implements AutoCloseable {
    private HttpServer publicServer;
    private HttpServer internalServer;

    int startPublic(ResourceConfig application, String bind, int port) {
        publicServer = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://" + bind + ":" + port + "/"),
                application, false);
        return start(publicServer, bind, port);
    }

    int startInternal(ResourceConfig application, String bind, int port, TlsMaterial tls) {
        var ssl = new SSLEngineConfigurator(tls.sslContext(), false, true, false);
        internalServer = GrizzlyHttpServerFactory.createHttpServer(
                URI.create("https://" + bind + ":" + port + "/"), application, true, ssl, false);
        return start(internalServer, bind, port);
    }

    private static int start(HttpServer server, String bind, int port) {
        server.getListeners().forEach(l -> l.registerAddOn(new PlainHttpOnly()));
        // A GET or DELETE with a body reaches the API (as in the reference, whose Rails parses it: a malformed one is
        // 400 CF-MessageParseError) instead of Grizzly's bare 400 without an error document.
        server.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        return server.getListeners().iterator().next().getPort();
    }

    @Override
    public void close() {
        if (publicServer != null) {
            publicServer.shutdownNow();
        }
        if (internalServer != null) {
            internalServer.shutdownNow();
        }
    }
}
