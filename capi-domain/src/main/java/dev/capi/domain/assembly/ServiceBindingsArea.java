package dev.capi.domain.assembly;

import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.organizations.OrganizationCleanup;
import dev.capi.domain.servicebindings.AppBindingsCleanup;
import dev.capi.domain.servicebindings.BindingCleanup;
import dev.capi.domain.servicebindings.BindingContext;
import dev.capi.domain.servicebindings.BindingJobs;
import dev.capi.domain.servicebindings.BindingPoller;
import dev.capi.domain.servicebindings.BindingRemoval;
import dev.capi.domain.servicebindings.CredentialBindingCreate;
import dev.capi.domain.servicebindings.CredentialBindings;
import dev.capi.domain.servicebindings.RouteBindings;
import dev.capi.domain.servicebindings.SyslogDrainList;

import java.util.List;

/**
 * Service credential bindings (app and key) and route bindings: their use cases, the bind/unbind job handlers, the
 * poller that follows the broker's last_operation, what an organization's deletion removes, and the unbinding through
 * the broker that deleting an instance ({@code removal}) or an app ({@code appCleanup}) starts with. Assembled before
 * apps and instances, which take those two.
 */
public record ServiceBindingsArea(CredentialBindings credentialBindings, CredentialBindingCreate credentialBindingCreate,
                                  RouteBindings routeBindings, BindingPoller poller, BindingCleanup cleanup,
                                  SyslogDrainList syslogDrains, BindingRemoval removal,
                                  AppBindingsCleanup appCleanup, List<JobHandler> jobHandlers) {

    public static ServiceBindingsArea assemble(CorePorts core, OrgsAndSpacesPorts tenancy, ServiceBindingPorts ports,
                                               AppPorts apps, dev.capi.domain.routes.RoutingPorts routing,
                                               Foundation foundation, Platform platform) {
        var context = new BindingContext(ports.credentialBindings(), ports.routeBindings(), ports.instances(),
                apps.apps(), routing.routes(), routing.domains(), tenancy.spaces(), tenancy.organizations(),
                core.metadata(), foundation.metadataChanges(), foundation.auditEvents(), foundation.jobs(),
                core.transactions(), core.clock(), core.guids(), ports.brokers(), ports.brokerSettings(),
                platform.quotaGuard(), platform.quotaScopes());
        var removal = new BindingRemoval(context);
        return new ServiceBindingsArea(new CredentialBindings(context), new CredentialBindingCreate(context),
                new RouteBindings(context, ports.routeServicesEnabled()), new BindingPoller(context),
                new BindingCleanup(context), new SyslogDrainList(ports.syslogDrains(), core.transactions()),
                removal, new AppBindingsCleanup(context, removal), BindingJobs.all(context));
    }

    public List<OrganizationCleanup> cleanups() {
        return List.of(cleanup);
    }
}
