package dev.capi.rest.internal.support;

import dev.capi.domain.assembly.DomainAssembly;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.auth.TokenVerifier;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.InMemoryDomain;
import dev.capi.rest.internal.InternalApi;
import dev.capi.rest.internal.metrics.RequestMetrics;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The internal API's resources and providers ({@link InternalApi}) served over real HTTP on a Grizzly listener, with
 * the whole domain on in-memory ports ({@link InMemoryDomain}), a token verifier that knows the tokens a test gives
 * it, and a {@link java.net.http.HttpClient} to call it. Mutual TLS is the assembly's concern (capi-server).
 */
public final class InternalApiServer implements AutoCloseable {
    public final InMemoryDomain domain = new InMemoryDomain();
    public final RequestMetrics metrics = new RequestMetrics();
    private final Map<String, Principal> tokens = new ConcurrentHashMap<>();
    private final HttpServer server;
    /** HTTP/1.1: without capi-server's PlainHttpOnly add-on, Grizzly never finishes reading an h2c upgrade request. */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    public InternalApiServer() {
        TokenVerifier verifier = token -> {
            Principal p = tokens.get(token);
            if (p == null) {
                throw CfException.of(CfError.InvalidAuthToken);
            }
            return p;
        };
        DomainAssembly services = domain.services;
        ResourceConfig rc = new ResourceConfig();
        InternalApi.resources().forEach(rc::register);
        InternalApi.providers().forEach(rc::register);
        rc.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(services.apps().features()).to(dev.capi.domain.apps.AppFeatures.class);
                bind(services.apps().apps()).to(dev.capi.domain.apps.Apps.class);
                bind(services.apps().crashes()).to(dev.capi.domain.processes.ProcessCrashes.class);
                bind(services.apps().buildpackCaches()).to(dev.capi.domain.apps.BuildpackCaches.class);
                bind(services.platform().buildpacks()).to(dev.capi.domain.buildpacks.Buildpacks.class);
                bind(services.lifecycle().builds()).to(dev.capi.domain.builds.Builds.class);
                bind(services.lifecycle().droplets()).to(dev.capi.domain.droplets.Droplets.class);
                bind(services.foundation().jobs()).to(dev.capi.domain.jobs.Jobs.class);
                bind(services.lifecycle().packages()).to(dev.capi.domain.packages.Packages.class);
                bind(services.orgsAndSpaces().permissions()).to(dev.capi.domain.auth.PermissionsFactory.class);
                bind(services.apps().processes()).to(dev.capi.domain.processes.Processes.class);
                bind(services.platform().securityGroups()).to(dev.capi.domain.securitygroups.SecurityGroups.class);
                bind(services.lifecycle().tasks()).to(dev.capi.domain.tasks.Tasks.class);
                bind(services.serviceBindings().syslogDrains())
                        .to(dev.capi.domain.servicebindings.SyslogDrainList.class);
                bind(verifier).to(TokenVerifier.class);
                bind(metrics).to(RequestMetrics.class);
            }
        });
        rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        rc.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), rc, false);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        base = "http://127.0.0.1:" + server.getListeners().iterator().next().getPort();
    }

    /** A bearer token for a user with the given scopes (e.g. {@code cloud_controller.read}). */
    public String token(String userGuid, String... scopes) {
        String token = "token-" + UUID.randomUUID();
        tokens.put(token, new Principal(userGuid, userGuid + "-name", "uaa", "cf", Set.of(scopes)));
        return token;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    public HttpResponse<String> get(String path, String... headers) {
        var builder = request(path).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A multipart/form-data POST with one file part named {@code field}, and extra headers (name, value, ...). */
    public HttpResponse<String> upload(String path, String field, byte[] content, String... headers) {
        String boundary = "capi-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
                + "\"; filename=\"bits\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        var builder = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
