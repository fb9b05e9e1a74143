package dev.capi.rest.v3;

import dev.capi.rest.v3.apps.AppDropletResources;
import dev.capi.rest.v3.apps.AppEnvironmentResources;
import dev.capi.rest.v3.apps.AppsResource;
import dev.capi.rest.v3.domains.DomainsResource;
import dev.capi.rest.v3.domains.OrganizationDomainsResource;
import dev.capi.rest.v3.events.AuditEventsResource;
import dev.capi.rest.v3.processes.ProcessesResource;
import dev.capi.rest.v3.featureflags.FeatureFlagsResource;
import dev.capi.rest.v3.isolationsegments.IsolationSegmentsResource;
import dev.capi.rest.v3.isolationsegments.OrganizationDefaultIsolationSegmentResource;
import dev.capi.rest.v3.isolationsegments.SpaceIsolationSegmentResource;
import dev.capi.rest.v3.jobs.JobsResource;
import dev.capi.rest.v3.organizations.OrganizationsResource;
import dev.capi.rest.v3.quotas.OrganizationQuotasResource;
import dev.capi.rest.v3.quotas.SpaceQuotasResource;
import dev.capi.rest.v3.quotas.UsageSummaryResources;
import dev.capi.rest.v3.roles.RolesResource;
import dev.capi.rest.v3.locks.LocksResource;
import dev.capi.rest.v3.registrycredentials.RegistryCredentialsResource;
import dev.capi.rest.v3.securitygroups.SecurityGroupsResource;
import dev.capi.rest.v3.securitygroups.SpaceSecurityGroupsResource;
import dev.capi.rest.v3.root.RootResource;
import dev.capi.rest.v3.routes.AppRoutesResource;
import dev.capi.rest.v3.routes.RoutesResource;
import dev.capi.rest.v3.routes.SpaceRoutesResource;
import dev.capi.rest.v3.spaces.SpacesResource;
import dev.capi.rest.v3.servicebrokers.ServiceBrokersResource;
import dev.capi.rest.v3.serviceofferings.ServiceOfferingsResource;
import dev.capi.rest.v3.serviceplandefinitions.OfferingPlanDefinitionSchemaResource;
import dev.capi.rest.v3.serviceplandefinitions.PlanDefinitionSchemasResource;
import dev.capi.rest.v3.serviceplandefinitions.ServicePlanDefinitionResource;
import dev.capi.rest.v3.serviceplandefinitions.ServicePlanDefinitionsResource;
import dev.capi.rest.v3.serviceplans.ServicePlanVisibilityResource;
import dev.capi.rest.v3.serviceplans.ServicePlansResource;
import dev.capi.rest.v3.stacks.StacksResource;
import dev.capi.rest.v3.support.AuthenticationFilter;
import dev.capi.rest.v3.support.ErrorMapper;
import dev.capi.rest.v3.users.OrganizationUsersResource;
import dev.capi.rest.v3.users.SpaceUsersResource;
import dev.capi.rest.v3.users.UsersResource;

import java.util.List;

/** Every JAX-RS class of the public API, for the assembly to register. */
public final class V3Api {
    private V3Api() {
    }

    public static List<Class<?>> resources() {
        return List.of(RootResource.class, OrganizationsResource.class, SpacesResource.class,
                RegistryCredentialsResource.class, StacksResource.class, LocksResource.class,
                ServiceBrokersResource.class, ServiceOfferingsResource.class, ServicePlansResource.class,
                ServicePlanVisibilityResource.class,
                ServicePlanDefinitionResource.class,
                ServicePlanDefinitionsResource.class,
                PlanDefinitionSchemasResource.class,
                OfferingPlanDefinitionSchemaResource.class,
                dev.capi.rest.v3.envgroups.EnvironmentVariableGroupsResource.class,
                dev.capi.rest.v3.usage.AppUsageEventsResource.class,
                dev.capi.rest.v3.usage.ServiceUsageEventsResource.class, JobsResource.class,
                FeatureFlagsResource.class, AuditEventsResource.class,
                UsersResource.class, OrganizationUsersResource.class, SpaceUsersResource.class, RolesResource.class,
                OrganizationQuotasResource.class, SpaceQuotasResource.class,
                UsageSummaryResources.Organization.class, UsageSummaryResources.Space.class,
                UsageSummaryResources.Platform.class,
                IsolationSegmentsResource.class, OrganizationDefaultIsolationSegmentResource.class,
                SpaceIsolationSegmentResource.class, SecurityGroupsResource.class, SpaceSecurityGroupsResource.class,
                AppsResource.class, AppEnvironmentResources.Env.class,
                AppEnvironmentResources.EnvironmentVariables.class, AppEnvironmentResources.Features.class,
                AppEnvironmentResources.SshEnabled.class, AppEnvironmentResources.AppPermissions.class,
                AppDropletResources.Current.class, AppDropletResources.Relationship.class,
                ProcessesResource.class, ProcessesResource.ForApp.class,
                DomainsResource.class, OrganizationDomainsResource.class, RoutesResource.class,
                AppRoutesResource.class, SpaceRoutesResource.class,
                dev.capi.rest.v3.servicebindings.ServiceCredentialBindingsResource.class,
                dev.capi.rest.v3.servicebindings.ServiceRouteBindingsResource.class,
                dev.capi.rest.v3.buildpacks.BuildpacksResource.class,
                dev.capi.rest.v3.admin.AdminActionsResource.class,
                dev.capi.rest.v3.manifests.SpaceManifestsResource.Apply.class,
                dev.capi.rest.v3.manifests.SpaceManifestsResource.Diff.class,
                dev.capi.rest.v3.manifests.AppManifestResource.class,
                dev.capi.rest.v3.packages.PackagesResource.class,
                dev.capi.rest.v3.packages.PackagesResource.ForApp.class,
                dev.capi.rest.v3.packages.ResourceMatchesResource.class,
                dev.capi.rest.v3.droplets.DropletsResource.class,
                dev.capi.rest.v3.droplets.DropletsResource.ForApp.class,
                dev.capi.rest.v3.droplets.DropletsResource.ForPackage.class,
                dev.capi.rest.v3.builds.BuildsResource.class,
                dev.capi.rest.v3.builds.BuildsResource.ForApp.class,
                dev.capi.rest.v3.tasks.TasksResource.class,
                dev.capi.rest.v3.tasks.TasksResource.ForApp.class,
                dev.capi.rest.v3.sidecars.SidecarsResource.class,
                dev.capi.rest.v3.sidecars.SidecarsResource.ForApp.class,
                dev.capi.rest.v3.sidecars.SidecarsResource.ForProcess.class,
                dev.capi.rest.v3.deployments.DeploymentsResource.class,
                dev.capi.rest.v3.revisions.RevisionsResource.class,
                dev.capi.rest.v3.revisions.RevisionsResource.ForApp.class,
                dev.capi.rest.v3.serviceinstances.ServiceInstancesResource.class);
    }

    public static List<Class<?>> providers() {
        return List.of(ErrorMapper.class, AuthenticationFilter.class,
                org.glassfish.jersey.media.multipart.MultiPartFeature.class);
    }
}
