package dev.capi.server;

import dev.capi.domain.auth.Principal;
import dev.capi.domain.auth.TokenVerifier;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.persistence.Database;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's embedding example, compiled and run: a platform assembles capi with its own token verifier. */
class EmbeddingExampleTest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path blobs;

    @Test
    void aPlatformEmbedsCapiWithItsOwnIdentityProvider() throws Exception {
        TokenVerifier myVerifier = token -> {
            if (!token.equals("platform-token")) {
                throw CfException.of(CfError.InvalidAuthToken);
            }
            return new Principal("platform-admin", "admin", "platform", "platform",
                    Set.of(Principal.ADMIN, Principal.READ, Principal.WRITE));
        };

        // --- the README example ---
        Database database = Database.open("jdbc:h2:mem:capi;DB_CLOSE_DELAY=-1", "sa", "", 10);
        CloudController cc = CloudController.builder()
                .database(database)
                .blobDirectory(blobs)
                .externalUrl("https://api.example.org")
                .tokenVerifier(myVerifier)
                .build();
        int port = cc.start("127.0.0.1", 0);
        // ---

        try (cc; database) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/v3/organizations"))
                    .header("Authorization", "bearer platform-token").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"embedded\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).contains("\"name\":\"embedded\"")
                    .contains("https://api.example.org/v3/organizations/");

            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(base + "/v3/organizations"))
                    .header("Authorization", "bearer platform-token").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("\"total_results\":1");
            assertThat(list.headers().firstValue("X-VCAP-Request-ID")).isPresent();

            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "/v3/organizations"))
                    .header("Authorization", "bearer someone-else").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("CF-InvalidAuthToken");
        }
    }
}
