package dev.capi.domain.assembly;

import dev.capi.domain.builds.BuildRepository;
import dev.capi.domain.deployments.DeploymentRepository;
import dev.capi.domain.droplets.DropletRepository;
import dev.capi.domain.manifests.ManifestStore;
import dev.capi.domain.packages.PackageRepository;
import dev.capi.domain.revisions.RevisionRepository;
import dev.capi.domain.sidecars.SidecarRepository;
import dev.capi.domain.tasks.TaskRepository;

/** The app lifecycle's tables: packages, droplets, builds, tasks, sidecars, revisions, deployments, manifests. */
public record LifecyclePorts(PackageRepository packages, DropletRepository droplets, BuildRepository builds,
                             TaskRepository tasks, SidecarRepository sidecars, RevisionRepository revisions,
                             DeploymentRepository deployments, ManifestStore manifests) {
}
