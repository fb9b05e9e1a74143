package dev.capi.domain.packages;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.AppFixture;
import dev.capi.domain.fakes.InMemoryBlobStore;
import dev.capi.domain.fakes.InMemoryJobs;
import dev.capi.domain.fakes.InMemoryPackages;
import dev.capi.domain.jobs.Jobs;
import dev.capi.model.AppPackage;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Package creation, upload, retention, copy, update, download and deletion, on in-memory ports. */
class PackagesTest {
    private final AppFixture f = new AppFixture();
    private final InMemoryPackages rows = new InMemoryPackages();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private Packages packages;

    @BeforeEach
    void setUp() {
        packages = new Packages(rows, f.access, f.events, f.tx, new Jobs(new InMemoryJobs(), f.clock, f.guids), blobs,
                f.flags, f.metadata, f.clock, f.guids);
        f.buildpackApp("app", null);
        f.buildpackApp("other", null);
        f.app("docker", null);
        f.enable("diego_docker");
    }

    private AppPackage bits(String app) {
        return packages.create(f.as("dev"), new PackageCommands.Create("bits", app, null, null, null, null));
    }

    private AppPackage upload(AppPackage p) {
        return packages.upload(f.as("dev"), p.guid(), new PackageCommands.Upload(
                new ByteArrayInputStream(zip("app.rb", "puts 1")), List.of()));
    }

    private static byte[] zip(String name, String content) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry(name));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static void refused(ThrowingCallable call, CfError kind, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            if (detail != null) {
                assertThat(e.detail()).isEqualTo(detail);
            }
        });
    }

    @Test
    void bitsPackagesAwaitTheirUploadAndDockerPackagesAreReadyAtOnce() {
        assertThat(bits("app").state()).isEqualTo(AppPackage.AWAITING_UPLOAD);
        AppPackage docker = packages.create(f.as("dev"), new PackageCommands.Create("docker", "docker", "nginx",
                "user", "secret", null));
        assertThat(docker.state()).isEqualTo(AppPackage.READY);
        assertThat(docker.dockerPassword()).isEqualTo("secret");
        assertThat(f.auditTypes()).containsExactly("audit.app.package.create", "audit.app.package.create");
    }

    @Test
    void thePackageTypeMustMatchTheAppsLifecycle() {
        refused(() -> bits("docker"), CfError.UnprocessableEntity, "Cannot create bits package for a Docker app.");
        refused(() -> packages.create(f.as("dev"), new PackageCommands.Create("docker", "app", "nginx", null, null,
                null)), CfError.UnprocessableEntity, "Cannot create Docker package for a buildpack app.");
        f.disable("diego_docker");
        refused(() -> packages.create(f.as("dev"), new PackageCommands.Create("docker", "docker", "nginx", null,
                null, null)), CfError.FeatureDisabled, null);
        refused(() -> bits("nope"), CfError.UnprocessableEntity, null);
        refused(() -> packages.create(f.as("auditor"), new PackageCommands.Create("bits", "app", null, null, null,
                null)), CfError.NotAuthorized, null);
    }

    @Test
    void anUploadStoresTheZipAndMakesThePackageReadyOnce() {
        AppPackage p = bits("app");
        AppPackage ready = upload(p);
        assertThat(ready.state()).isEqualTo(AppPackage.READY);
        assertThat(ready.sha256()).hasSize(64);
        assertThat(blobs.exists("packages/" + p.guid())).isTrue();
        refused(() -> upload(p), CfError.PackageBitsAlreadyUploaded, null);
        assertThat(f.auditTypes()).endsWith("audit.app.package.upload");
    }

    @Test
    void unusableBitsLeaveThePackageFailedWithoutABlob() {
        AppPackage p = bits("app");
        AppPackage failed = packages.upload(f.as("dev"), p.guid(), new PackageCommands.Upload(
                new ByteArrayInputStream(zip("../escape.rb", "x")), List.of()));
        assertThat(failed.state()).isEqualTo(AppPackage.FAILED);
        assertThat(failed.error()).contains("outside the package");
        assertThat(blobs.keys()).isEmpty();
        AppPackage empty = bits("app");
        refused(() -> packages.upload(f.as("dev"), empty.guid(), new PackageCommands.Upload(null, List.of())),
                CfError.UnprocessableEntity, "Upload must include either resources or bits");
    }

    @Test
    void anAppKeepsItsFiveNewestReadyBitsPackages() {
        List<AppPackage> uploaded = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            uploaded.add(upload(bits("app")));
        }
        assertThat(rows.find(uploaded.get(0).guid()).orElseThrow().state()).isEqualTo(AppPackage.EXPIRED);
        assertThat(blobs.exists("packages/" + uploaded.get(0).guid())).isFalse();
        assertThat(uploaded.subList(1, 6)).allSatisfy(p ->
                assertThat(rows.find(p.guid()).orElseThrow().state()).isEqualTo(AppPackage.READY));
    }

    @Test
    void onlyReadyPackagesAreCopiedWithTheirBits() {
        AppPackage waiting = bits("app");
        refused(() -> packages.copy(f.as("dev"), waiting.guid(), "other"), CfError.UnprocessableEntity,
                "Source package is not ready.");
        AppPackage source = upload(bits("app"));
        AppPackage copy = packages.copy(f.as("dev"), source.guid(), "other");
        assertThat(copy.state()).isEqualTo(AppPackage.READY);
        assertThat(copy.appGuid()).isEqualTo("other");
        assertThat(copy.sha256()).isEqualTo(source.sha256());
        assertThat(blobs.exists("packages/" + copy.guid())).isTrue();
    }

    @Test
    void dockerCredentialsAreUpdatedOnlyOnDockerPackages() {
        AppPackage p = bits("app");
        refused(() -> packages.update(f.as("dev"), p.guid(), new PackageCommands.Update("u", "p", null)),
                CfError.UnprocessableEntity, "Cannot update Docker credentials for a buildpack app.");
        AppPackage docker = packages.create(f.as("dev"), new PackageCommands.Create("docker", "docker", "nginx",
                "user", "secret", null));
        assertThat(packages.update(f.as("dev"), docker.guid(), new PackageCommands.Update(null, "new", null))
                .dockerPassword()).isEqualTo("new");
    }

    @Test
    void developersDownloadReadyBitsAndTheDeleteJobRemovesThem() throws Exception {
        AppPackage p = upload(bits("app"));
        refused(() -> packages.download(f.as("auditor"), p.guid()), CfError.NotAuthorized, null);
        refused(() -> packages.download(f.as("outsider"), p.guid()), CfError.ResourceNotFound, "Package not found");
        assertThat(packages.download(f.as("dev"), p.guid()).content().readAllBytes()).isNotEmpty();
        packages.deletion(f.metadataRows).perform(packages.delete(f.as("dev"), p.guid()));
        assertThat(rows.find(p.guid())).isEmpty();
        assertThat(blobs.keys()).isEmpty();
    }

    @Test
    void aStoreWithDownloadUrlsAnswersDevelopersWithARedirectAndStagersWithTheBits() throws Exception {
        AppPackage p = upload(bits("app"));
        blobs.offerDownloadUrls(java.net.URI.create("https://blobs.example.org/signed/"));

        Packages.Download download = packages.download(f.as("dev"), p.guid());

        assertThat(download.redirect()).contains(java.net.URI.create("https://blobs.example.org/signed/packages/"
                + p.guid()));
        assertThat(download.content()).isNull();
        refused(() -> packages.download(f.as("auditor"), p.guid()), CfError.NotAuthorized, null);
        assertThat(packages.stagingDownload(p.guid()).redirect()).isEmpty();
        assertThat(packages.stagingDownload(p.guid()).content().readAllBytes()).isNotEmpty();
    }
}
