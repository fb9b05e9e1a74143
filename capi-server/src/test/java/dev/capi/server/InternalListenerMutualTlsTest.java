package dev.capi.server;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.persistence.Database;
import dev.capi.server.tls.LocalCertificateAuthority;
import dev.capi.server.tls.TlsMaterial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The internal API as the assembly serves it: on its own listener with mutual TLS. The endpoints themselves are tested
 * in capi-rest-internal; what only the assembly can show is that a client certificate the CA did not sign (or none) is
 * refused, and that the listener answers the V3 error document like the module does.
 */
class InternalListenerMutualTlsTest {
    @TempDir
    Path dir;
    private Database database;
    private CloudController controller;
    private TlsMaterial server;
    private String base;

    @BeforeEach
    void start() {
        database = Database.open("jdbc:h2:mem:capi-mtls-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
        controller = CloudController.builder().database(database).blobDirectory(dir.resolve("blobs"))
                .tokenVerifier(token -> {
                    throw CfException.of(CfError.InvalidAuthToken);
                }).build();
        server = LocalCertificateAuthority.ensure(dir.resolve("ours"), "127.0.0.1");
        int port = controller.startInternal("127.0.0.1", 0, server);
        base = "https://127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        controller.close();
        database.close();
    }

    private HttpResponse<String> get(SSLContext tls, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The client files the local CA wrote beside the server's. */
    private TlsMaterial client(Path caDir, Path trustedCa) {
        return new TlsMaterial(trustedCa, caDir.resolve("client.crt"), caDir.resolve("client.key"));
    }

    @Test
    void aClientWithACertificateOfTheCaIsServed() throws Exception {
        var response = get(client(dir.resolve("ours"), server.caCertificate()).sslContext(),
                "/internal/v4/asg_latest_update");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"last_update\":\"");
    }

    @Test
    void theListenerAnswersTheV3ErrorDocument() throws Exception {
        var response = get(client(dir.resolve("ours"), server.caCertificate()).sslContext(),
                "/internal/v4/staging_jobs/no-such-job");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(
                "{\"errors\":[{\"detail\":\"Job not found\",\"title\":\"CF-ResourceNotFound\",\"code\":10010}]}");
    }

    @Test
    void servesMetricsOfThePublicListenersRequestsByRouteTemplateWithJobAndPoolGauges() throws Exception {
        int publicPort = controller.start("127.0.0.1", 0);
        HttpClient plain = HttpClient.newHttpClient();
        for (String path : new String[]{"/", "/v3/info", "/v3/no-such-thing", "/v3/organizations/some-guid"}) {
            plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + publicPort + path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        controller.sweepNow();

        var response = get(client(dir.resolve("ours"), server.caCertificate()).sslContext(),
                "/internal/v4/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(
                "capi_http_request_duration_seconds_count{method=\"GET\",route=\"/\",status=\"200\"} 1\n",
                "capi_http_request_duration_seconds_count{method=\"GET\",route=\"/v3/info\",status=\"200\"} 1\n",
                "capi_http_request_duration_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"} 1\n",
                "capi_http_request_duration_seconds_count{method=\"GET\",route=\"/v3/organizations/{guid}\",status=\"401\"} 1\n",
                "capi_jobs_unfinished{state=\"PROCESSING\"} 0.0\n",
                "capi_db_pool_connections{use=\"maximum\"} 4.0\n",
                "capi_blobstore_operation_duration_seconds_count{operation=\"list\",outcome=\"ok\"}");
    }

    @Test
    void aClientCertificateSignedByAnotherCaIsRefused() {
        LocalCertificateAuthority.ensure(dir.resolve("theirs"), "127.0.0.1");
        SSLContext foreign = client(dir.resolve("theirs"), server.caCertificate()).sslContext();

        assertThatThrownBy(() -> get(foreign, "/internal/v4/asg_latest_update")).isInstanceOf(IOException.class);
    }

    @Test
    void aClientWithoutACertificateIsRefused() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, new char[0]);
        try (InputStream in = Files.newInputStream(server.caCertificate())) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext noCertificate = SSLContext.getInstance("TLS");
        noCertificate.init(null, tmf.getTrustManagers(), null);

        assertThatThrownBy(() -> get(noCertificate, "/internal/v4/asg_latest_update")).isInstanceOf(IOException.class);
    }
}
