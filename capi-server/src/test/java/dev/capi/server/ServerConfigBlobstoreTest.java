package dev.capi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capi.blobstore.s3.S3Settings;
import dev.capi.blobstore.webdav.WebDavSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigBlobstoreTest {

    @Test
    void localDiskIsTheDefault() {
        assertThat(ServerConfig.load(null, Map.of()).blobstore()).isEqualTo(BlobstoreConfig.local());
        assertThat(ServerConfig.load(null, Map.of("CAPI_BLOBSTORE", "LOCAL")).blobstore().kind())
                .isEqualTo(BlobstoreConfig.Kind.LOCAL);
    }

    @Test
    void s3FromTheEnvironment() {
        BlobstoreConfig config = ServerConfig.load(null, Map.of("CAPI_BLOBSTORE", "s3",
                "CAPI_S3_ENDPOINT", "http://127.0.0.1:9000", "CAPI_S3_REGION", "eu-west-1",
                "CAPI_S3_ACCESS_KEY", "ak", "CAPI_S3_SECRET_KEY", "sk", "CAPI_S3_BUCKET_PREFIX", "cc-")).blobstore();

        assertThat(config.kind()).isEqualTo(BlobstoreConfig.Kind.S3);
        assertThat(config.s3()).isEqualTo(new S3Settings(URI.create("http://127.0.0.1:9000"), "eu-west-1", "ak", "sk",
                "cc-"));
    }

    @Test
    void s3DefaultsToAwsInUsEast1WithTheCapiPrefix() {
        S3Settings s3 = ServerConfig.load(null, Map.of("CAPI_BLOBSTORE", "s3", "CAPI_S3_ACCESS_KEY", "ak",
                "CAPI_S3_SECRET_KEY", "sk")).blobstore().s3();

        assertThat(s3).isEqualTo(new S3Settings(null, "us-east-1", "ak", "sk", "capi-"));
        assertThat(s3.toString()).doesNotContain("sk");
    }

    @Test
    void webdavFromYamlWithTheEnvironmentOverriding(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("capi.yml"), "blobstore:\n  type: webdav\n  webdav:\n"
                + "    url: http://blobstore.internal:8080/\n    user: blobstore\n    password: from-yaml\n"
                + "    secret: signing\n");

        BlobstoreConfig config = ServerConfig.load(yaml, Map.of("CAPI_WEBDAV_PASSWORD", "from-env")).blobstore();

        assertThat(config.kind()).isEqualTo(BlobstoreConfig.Kind.WEBDAV);
        assertThat(config.webdav()).isEqualTo(new WebDavSettings(URI.create("http://blobstore.internal:8080"),
                "blobstore", "from-env", "signing"));
    }

    @Test
    void missingOrBadValuesStopTheBootNamingTheKey() {
        assertThatThrownBy(() -> ServerConfig.load(null, Map.of("CAPI_BLOBSTORE", "gcs")))
                .hasMessage("CAPI_BLOBSTORE (blobstore.type) must be local, s3 or webdav: gcs");
        assertThatThrownBy(() -> ServerConfig.load(null, Map.of("CAPI_BLOBSTORE", "s3", "CAPI_S3_ACCESS_KEY", "ak")))
                .hasMessage("CAPI_S3_SECRET_KEY is required for this blobstore");
        assertThatThrownBy(() -> ServerConfig.load(null, Map.of("CAPI_BLOBSTORE", "s3", "CAPI_S3_ACCESS_KEY", "ak",
                "CAPI_S3_SECRET_KEY", "sk", "CAPI_S3_ENDPOINT", "not a url")))
                .hasMessage("CAPI_S3_ENDPOINT must be an http or https URL: not a url");
        assertThatThrownBy(() -> ServerConfig.load(null, Map.of("CAPI_BLOBSTORE", "s3", "CAPI_S3_ACCESS_KEY", "ak",
                "CAPI_S3_SECRET_KEY", "sk", "CAPI_S3_BUCKET_PREFIX", "Bad_Prefix")))
                .hasMessageStartingWith("The S3 bucket prefix must be lower-case letters");
        assertThatThrownBy(() -> ServerConfig.load(null, Map.of("CAPI_BLOBSTORE", "webdav")))
                .hasMessage("CAPI_WEBDAV_URL is required for this blobstore");
    }
}
