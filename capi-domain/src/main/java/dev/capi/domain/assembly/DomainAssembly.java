package dev.capi.domain.assembly;

import dev.capi.domain.Settings;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.organizations.OrganizationCleanup;
import dev.capi.domain.servicebindings.VcapServices;

import java.util.ArrayList;
import java.util.List;

/**
 * The domain, built from its ports area by area in dependency order: foundation, organizations and spaces, platform,
 * routing, apps and processes, lifecycle. Each area takes what it needs as arguments; a missing port does not
 * compile. The job handlers of every area are collected for the job runner; the organization and space delete jobs
 * come last, once every area has said what an organization's deletion must remove.
 */
public record DomainAssembly(Foundation foundation, OrgsAndSpaces orgsAndSpaces, Platform platform, Routing routing,
                             AppsAndProcesses apps, Lifecycle lifecycle, ServiceCatalog serviceCatalog,
                             ServiceInstancesArea serviceInstances, ServiceBindingsArea serviceBindings,
                             List<JobHandler> jobHandlers) {

    public static DomainAssembly assemble(DomainPorts ports, Settings settings) {
        var core = ports.core();
        var tenancy = ports.orgsAndSpaces();
        var foundation = Foundation.assemble(core, settings);
        var orgsAndSpaces = OrgsAndSpaces.assemble(core, tenancy, foundation, settings);
        var platform = Platform.assemble(core, tenancy, ports.platform(), ports.apps().apps(), foundation, settings);
        var routing = Routing.assemble(core, tenancy, ports.routing(), ports.apps(), foundation, platform, settings);
        var serviceBindings = ServiceBindingsArea.assemble(core, tenancy, ports.serviceBindings(), ports.apps(),
                ports.routing(), foundation, platform);
        var apps = AppsAndProcesses.assemble(core, tenancy, ports.apps(), ports.lifecycle(), ports.platform().stacks(),
                ports.platform().buildpacks(), foundation, platform, routing,
                new VcapServices(ports.serviceBindings().boundServices()),
                serviceBindings.appCleanup());
        var serviceCatalog = ServiceCatalog.assemble(core, tenancy, ports.serviceCatalog(), foundation);
        var serviceInstances = ServiceInstancesArea.assemble(core, tenancy, ports.serviceInstances(), foundation,
                platform, serviceBindings.removal());
        var lifecycle = Lifecycle.assemble(core, orgsAndSpaces, tenancy, ports.apps(), ports.lifecycle(), foundation,
                platform, routing, apps, serviceBindings);

        List<OrganizationCleanup> cleanups = new ArrayList<>(platform.cleanups());
        cleanups.add(apps.deletion());
        cleanups.add(routing.routeRemoval());
        cleanups.addAll(serviceBindings.cleanups());
        cleanups.add(serviceInstances.cleanup());
        cleanups.add(serviceCatalog.cleanup());
        List<JobHandler> handlers = new ArrayList<>(OrgsAndSpaces.deletions(core, tenancy, cleanups, foundation));
        handlers.addAll(orgsAndSpaces.jobHandlers());
        handlers.addAll(platform.jobHandlers());
        handlers.addAll(routing.jobHandlers());
        handlers.addAll(apps.jobHandlers());
        handlers.addAll(lifecycle.jobHandlers());
        handlers.addAll(serviceCatalog.jobHandlers());
        handlers.addAll(serviceInstances.jobHandlers());
        handlers.addAll(serviceBindings.jobHandlers());
        return new DomainAssembly(foundation, orgsAndSpaces, platform, routing, apps, lifecycle, serviceCatalog,
                serviceInstances, serviceBindings,
                List.copyOf(handlers));
    }
}
