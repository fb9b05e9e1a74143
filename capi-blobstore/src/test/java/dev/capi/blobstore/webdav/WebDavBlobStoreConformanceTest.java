package dev.capi.blobstore.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capi.blobstore.BlobStoreConformance;
import dev.capi.blobstore.BlobStoreUnusableException;
import dev.capi.domain.blobs.BlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conformance tests on a real WebDAV blobstore (nginx), emptied before each test. */
class WebDavBlobStoreConformanceTest extends BlobStoreConformance {
    @TempDir
    Path spool;

    private NginxDavServer server;

    @Override
    protected BlobStore newStore() throws IOException {
        server = NginxDavServer.shared().orElse(null);
        Assumptions.assumeTrue(server != null, NginxDavServer::unavailableReason);
        try (Stream<Path> all = Files.walk(server.root())) {
            all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(server.root())).forEach(p -> p.toFile().delete());
        }
        return reopen();
    }

    @Override
    protected BlobStore reopen() {
        return WebDavBlobStore.connect(server.settings(), spool);
    }

    @Override
    protected boolean offersDownloadUrls() {
        return true;
    }

    @Test
    void withoutASecretDownloadsAreStreamed() {
        WebDavBlobStore unsigned = WebDavBlobStore.connect(new WebDavSettings(server.endpoint(), NginxDavServer.USER,
                NginxDavServer.PASSWORD, null), spool);

        assertThat(unsigned.downloadUrl("packages/p1")).isEmpty();
    }

    @Test
    void aWrongPasswordFailsTheConnectionWithOneClearLine() {
        WebDavSettings wrong = new WebDavSettings(server.endpoint(), NginxDavServer.USER, "wrong", null);

        assertThatThrownBy(() -> WebDavBlobStore.connect(wrong, spool))
                .isInstanceOf(BlobStoreUnusableException.class)
                .hasMessage("the WebDAV blobstore at " + server.endpoint() + " refused user blobstore (HTTP 401): "
                        + "check the user and password");
    }

    @Test
    void aStaleDigestNoteIsNotTrusted() throws IOException {
        store.put("packages/p1", stream("original"), 100);
        Files.writeString(server.root().resolve("blobs/packages/p1"), "changed behind the store's back!");

        assertThat(store.info("packages/p1")).contains(expectedInfo("packages/p1",
                bytes("changed behind the store's back!")));
    }
}
