package dev.capi.domain.droplets;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.AppFixture;
import dev.capi.domain.fakes.InMemoryBlobStore;
import dev.capi.domain.fakes.InMemoryDroplets;
import dev.capi.domain.fakes.InMemoryJobs;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.query.ListQuery;
import dev.capi.model.Droplet;
import dev.capi.model.Job;
import dev.capi.model.Metadata;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Droplet creation, upload, copy, update, download and deletion, on in-memory ports. */
class DropletsTest {
    private final AppFixture f = new AppFixture();
    private final InMemoryDroplets rows = new InMemoryDroplets();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final InMemoryJobs jobRows = new InMemoryJobs();
    private Droplets droplets;

    @BeforeEach
    void setUp() {
        droplets = new Droplets(rows, f.access, f.apps, f.processes, guid -> Optional.empty(), f.events, f.tx,
                new Jobs(jobRows, f.clock, f.guids), blobs, f.metadata, f.clock, f.guids);
        f.buildpackApp("app", null);
        f.buildpackApp("other", null);
        f.app("docker", null);
    }

    private static void refused(ThrowingCallable call, CfError kind, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            if (detail != null) {
                assertThat(e.detail()).isEqualTo(detail);
            }
        });
    }

    private void run(Job job) {
        droplets.jobHandlers(f.metadataRows).stream().filter(h -> h.operation().equals(job.operation()))
                .findFirst().map(h -> (JobHandler) h).orElseThrow().perform(job);
    }

    private Droplet staged() {
        Droplet d = droplets.create(f.as("dev"), "app", Map.of("web", "bundle exec rackup"), null);
        run(droplets.upload(f.as("dev"), d.guid(), new ByteArrayInputStream(new byte[]{1, 2, 3})).job());
        return rows.find(d.guid()).orElseThrow();
    }

    @Test
    void aCreatedDropletAwaitsItsUploadWithAnEmptyWebCommandByDefault() {
        Droplet d = droplets.create(f.as("dev"), "app", null, null);
        assertThat(d.state()).isEqualTo(Droplet.AWAITING_UPLOAD);
        assertThat(d.processTypes()).isEqualTo(Map.of("web", ""));
        assertThat(d.stack()).isEqualTo("cflinuxfs4");
        assertThat(f.auditTypes()).containsExactly("audit.app.droplet.create");
    }

    @Test
    void dropletCannotBeCreatedForADockerAppOrByANonDeveloper() {
        refused(() -> droplets.create(f.as("dev"), "docker", null, null), CfError.UnprocessableEntity,
                "Droplet creation is not available for apps with docker lifecycle.");
        refused(() -> droplets.create(f.as("auditor"), "app", null, null), CfError.NotAuthorized, null);
    }

    @Test
    void anUploadStoresTheBitsAndItsJobMakesTheDropletStaged() {
        Droplet d = droplets.create(f.as("dev"), "app", null, null);
        var accepted = droplets.upload(f.as("dev"), d.guid(), new ByteArrayInputStream(new byte[]{1, 2, 3}));
        assertThat(accepted.droplet().state()).isEqualTo(Droplet.PROCESSING_UPLOAD);
        assertThat(accepted.droplet().sha256()).hasSize(64);
        assertThat(blobs.keys()).containsExactly("droplets/" + d.guid());
        run(accepted.job());
        assertThat(rows.find(d.guid()).orElseThrow().state()).isEqualTo(Droplet.STAGED);
    }

    @Test
    void aDropletIsUploadedOnlyOnceAndNeedsBits() {
        Droplet d = droplets.create(f.as("dev"), "app", null, null);
        refused(() -> droplets.upload(f.as("dev"), d.guid(), null), CfError.UnprocessableEntity,
                "Uploaded droplet file is invalid: A droplet tgz file must be uploaded as 'bits'");
        droplets.upload(f.as("dev"), d.guid(), new ByteArrayInputStream(new byte[]{1}));
        refused(() -> droplets.upload(f.as("dev"), d.guid(), new ByteArrayInputStream(new byte[]{1})),
                CfError.UnprocessableEntity, "Droplet may be uploaded only once. Create a new droplet to upload bits.");
    }

    @Test
    void onlyStagedDropletsAreCopiedWithTheirBits() {
        Droplet awaiting = droplets.create(f.as("dev"), "app", null, null);
        refused(() -> droplets.copy(f.as("dev"), awaiting.guid(), "other"), CfError.UnprocessableEntity,
                "Source droplet is not staged.");
        Droplet source = staged();
        Droplet copy = droplets.copy(f.as("dev"), source.guid(), "other");
        assertThat(copy.state()).isEqualTo(Droplet.STAGED);
        assertThat(copy.appGuid()).isEqualTo("other");
        assertThat(copy.processTypes()).isEqualTo(source.processTypes());
        assertThat(copy.sha256()).isEqualTo(source.sha256());
        assertThat(blobs.exists("droplets/" + copy.guid())).isTrue();
    }

    @Test
    void imagesAreUpdatedOnlyOnDockerDroplets() {
        Droplet d = droplets.create(f.as("dev"), "app", null, null);
        refused(() -> droplets.update(f.as("dev"), d.guid(), null, "nginx"), CfError.UnprocessableEntity,
                "Images can only be updated for docker droplets");
        rows.insert(new Droplet("dd", f.now, f.now, "docker", "space", "org", null, null, Droplet.STAGED, null,
                "docker", Map.of(), null, List.of(), null, "nginx:1", null, null, null, Metadata.empty()));
        assertThat(droplets.update(f.as("dev"), "dd", null, "nginx:2").image()).isEqualTo("nginx:2");
    }

    @Test
    void secretsAndDownloadsAreForThoseWhoReadSecrets() throws Exception {
        Droplet d = staged();
        assertThat(droplets.canSeeSecrets(f.as("dev"), d)).isTrue();
        assertThat(droplets.canSeeSecrets(f.as("auditor"), d)).isFalse();
        refused(() -> droplets.download(f.as("auditor"), d.guid()), CfError.NotAuthorized, null);
        refused(() -> droplets.download(f.as("outsider"), d.guid()), CfError.ResourceNotFound, "Droplet not found");
        var download = droplets.download(f.as("dev"), d.guid());
        assertThat(download.sizeBytes()).isEqualTo(3);
        assertThat(download.content().readAllBytes()).containsExactly(1, 2, 3);
        Droplet awaiting = droplets.create(f.as("dev"), "app", null, null);
        refused(() -> droplets.download(f.as("dev"), awaiting.guid()), CfError.UnprocessableEntity,
                "Only staged droplets can be downloaded.");
    }

    @Test
    void aStoreWithDownloadUrlsAnswersDevelopersWithARedirectOnlyWhenTheBlobExists() throws Exception {
        Droplet d = staged();
        blobs.offerDownloadUrls(java.net.URI.create("https://blobs.example.org/signed/"));

        var download = droplets.download(f.as("dev"), d.guid());

        assertThat(download.redirect()).contains(java.net.URI.create("https://blobs.example.org/signed/")
                .resolve(d.blobKey()));
        assertThat(droplets.stagingDownload(d.guid()).content().readAllBytes()).containsExactly(1, 2, 3);
        blobs.delete(d.blobKey());
        refused(() -> droplets.download(f.as("dev"), d.guid()), CfError.ResourceNotFound, "Droplet not found");
    }

    @Test
    void theCurrentFilterKeepsOnlyTheAppsCurrentDroplet() {
        Droplet first = staged();
        staged();
        assertThat(droplets.listForApp(f.as("dev"), "app", ListQuery.all(), false).resources()).hasSize(2);
        assertThat(droplets.listForApp(f.as("dev"), "app", ListQuery.all(), true).resources()).isEmpty();
        f.apps.update(f.apps.find("app").orElseThrow().withDropletGuid(first.guid(), f.now));
        assertThat(droplets.listForApp(f.as("dev"), "app", ListQuery.all(), true).resources())
                .extracting(Droplet::guid).containsExactly(first.guid());
    }

    @Test
    void theDeleteJobRemovesTheDropletItsBitsAndTheAppsReferenceToIt() {
        Droplet d = staged();
        f.apps.update(f.apps.find("app").orElseThrow().withDropletGuid(d.guid(), f.now));
        refused(() -> droplets.delete(f.as("auditor"), d.guid()), CfError.NotAuthorized, null);
        run(droplets.delete(f.as("dev"), d.guid()));
        assertThat(rows.find(d.guid())).isEmpty();
        assertThat(blobs.keys()).isEmpty();
        assertThat(f.apps.find("app").orElseThrow().dropletGuid()).isNull();
        assertThat(f.auditTypes()).endsWith("audit.app.droplet.delete");
    }
}
