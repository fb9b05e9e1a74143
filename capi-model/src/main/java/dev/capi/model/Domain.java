package dev.capi.model;

import java.time.Instant;
import java.util.List;

/**
 * A domain routes are created under: shared (no owning organization) or private (owned by one organization and
 * shared with others); {@code routerGroupType} is the router group's type ({@code tcp} makes a TCP domain), kept with
 * the domain when it is created.
 */
public record Domain(String guid, Instant createdAt, Instant updatedAt, String name, boolean internal,
                     String routerGroupGuid, String routerGroupType, String owningOrganizationGuid,
                     boolean enforceRoutePolicies, String routePoliciesScope, List<String> sharedOrganizationGuids,
                     Metadata metadata) {
    public Domain {
        sharedOrganizationGuids = List.copyOf(sharedOrganizationGuids);
    }

    public boolean isShared() {
        return owningOrganizationGuid == null;
    }

    public boolean isPrivate() {
        return owningOrganizationGuid != null;
    }

    /** A shared domain whose router group is a TCP router group. */
    public boolean isTcp() {
        return isShared() && "tcp".equals(routerGroupType);
    }

    /** {@code tcp} for TCP domains, else {@code http}. */
    public String protocol() {
        return isTcp() ? "tcp" : "http";
    }

    /** Whether routes of an organization's spaces may use it: shared, owned by it, or shared with it. */
    public boolean usableBy(String organizationGuid) {
        return isShared() || organizationGuid.equals(owningOrganizationGuid)
                || sharedOrganizationGuids.contains(organizationGuid);
    }

    public Domain withMetadata(Metadata m) {
        return new Domain(guid, createdAt, updatedAt, name, internal, routerGroupGuid, routerGroupType,
                owningOrganizationGuid, enforceRoutePolicies, routePoliciesScope, sharedOrganizationGuids, m);
    }

    public Domain withSharedOrganizations(List<String> orgGuids) {
        return new Domain(guid, createdAt, updatedAt, name, internal, routerGroupGuid, routerGroupType,
                owningOrganizationGuid, enforceRoutePolicies, routePoliciesScope, orgGuids, metadata);
    }

    public Domain withUpdatedAt(Instant at) {
        return new Domain(guid, createdAt, at, name, internal, routerGroupGuid, routerGroupType,
                owningOrganizationGuid, enforceRoutePolicies, routePoliciesScope, sharedOrganizationGuids, metadata);
    }
}
