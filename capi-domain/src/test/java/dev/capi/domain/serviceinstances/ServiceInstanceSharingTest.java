package dev.capi.domain.serviceinstances;

import dev.capi.domain.errors.CfException;
import dev.capi.model.Space;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.capi.domain.serviceinstances.FakeBroker.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sharing managed instances into other spaces, with the reference's checks. */
class ServiceInstanceSharingTest {
    private final ServiceInstancesFixture f = new ServiceInstancesFixture();
    private String guid;

    @BeforeEach
    void createdInstance() {
        f.broker.answer("provision", reply(201, Map.of()));
        guid = f.managed.create(f.app.as("dev"), f.createManaged("db")).resourceGuid();
        f.runJobs();
    }

    @Test
    void sharesIntoAWritableSpaceAndUnshares() {
        f.app.enable(ServiceInstanceSharing.FLAG);
        List<Space> shared = f.sharing.share(f.app.as("dev"), guid, List.of("other"));
        assertThat(shared).extracting(Space::guid).containsExactly("other");
        assertThat(f.serviceInstances.sharedSpaces(f.app.as("dev"), guid)).extracting(Space::guid)
                .containsExactly("other");
        assertThat(f.serviceInstances.usageSummary(f.app.as("dev"), guid)).containsExactly(Map.entry("other", 0L));
        assertThatThrownBy(() -> f.serviceInstances.update(f.app.as("dev"), guid,
                new ServiceInstanceCommands.Update(java.util.Set.of("name"), "renamed", null, null, null, null, null,
                        null, null, null, Map.of())))
                .hasMessageEndingWith("Service instances that have been shared cannot be renamed");
        f.sharing.unshare(f.app.as("dev"), guid, "other");
        assertThat(f.serviceInstances.sharedSpaces(f.app.as("dev"), guid)).isEmpty();
        assertThat(f.app.auditTypes()).contains("audit.service_instance.share", "audit.service_instance.unshare");
    }

    @Test
    void refusesWhenTheFlagIsOffTheOfferingIsNotShareableOrTheSpaceIsItsOwn() {
        assertThatThrownBy(() -> f.sharing.share(f.app.as("dev"), guid, List.of("other")))
                .isInstanceOf(CfException.class).hasMessageContaining("service_instance_sharing");
        f.app.enable(ServiceInstanceSharing.FLAG);
        assertThatThrownBy(() -> f.sharing.share(f.app.as("dev"), guid, List.of("space")))
                .hasMessageContaining("Service instances cannot be shared into the space where they were created.");
        assertThatThrownBy(() -> f.sharing.share(f.app.as("dev"), guid, List.of("nowhere")))
                .hasMessageEndingWith("Unable to share service instance db with spaces ['nowhere']. Ensure the spaces exist "
                        + "and that you have access to them.");
        assertThatThrownBy(() -> f.sharing.share(f.app.as("auditor"), guid, List.of("other")))
                .isInstanceOf(CfException.class);
        f.plans.put("plan", ServiceInstancesFixture.plan("plan", true, false, 60));
        assertThatThrownBy(() -> f.sharing.share(f.app.as("dev"), guid, List.of("other")))
                .hasMessageEndingWith("The offering-name service does not support service instance sharing.");
        assertThat(f.serviceInstances.sharedSpaces(f.app.as("dev"), guid)).isEmpty();
    }
}
