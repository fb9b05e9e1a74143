package dev.capi.persistence.serviceofferings;

import dev.capi.domain.query.Visibility;
import dev.capi.model.RoleType;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.ListSql;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Set;

/**
 * SQL shared by the catalog's repositories: the marketplace visibility of plans (and of offerings through their
 * plans) and the cascading deletes of plans and offerings.
 */
public final class CatalogRows {
    private CatalogRows() {
    }

    /**
     * Whether the plan aliased {@code sp} (with its broker aliased {@code sb}) is visible: public, or visible in an
     * organization where the user holds one of the visibility's organization roles, or offered by a space-scoped
     * broker of a space where the user holds one of its space roles. An anonymous visibility sees public plans only.
     */
    public static String planVisible(Visibility v, ListSql.Binds binds, String plan, String brokerSpace) {
        String publicPlans = plan + ".public = " + binds.add(true);
        if (v.orgRoles().isEmpty() && v.spaceRoles().isEmpty()) {
            return publicPlans;
        }
        String user = binds.add(v.userGuid());
        return "(" + publicPlans
                + " OR EXISTS (SELECT 1 FROM service_plan_visibilities spv JOIN roles vr"
                + " ON vr.organization_guid = spv.organization_guid WHERE spv.service_plan_guid = " + plan + ".guid"
                + " AND vr.user_guid = " + user + " AND vr.type IN (" + types(v.orgRoles(), binds) + "))"
                + " OR " + brokerSpace + " IN (SELECT vr.space_guid FROM roles vr WHERE vr.user_guid = " + user
                + " AND vr.type IN (" + types(v.spaceRoles(), binds) + ")))";
    }

    /**
     * The plans visible to the users of these organizations, or offered in their spaces, or public (the reference's
     * {@code organization_guids} filter); {@code orgs} is an SQL list of bound guids.
     */
    public static String planInOrganizations(String plan, String brokerSpace, String orgs, ListSql.Binds binds) {
        return "(" + plan + ".public = " + binds.add(true) + " OR " + plan + ".guid IN (SELECT fspv.service_plan_guid"
                + " FROM service_plan_visibilities fspv WHERE fspv.organization_guid IN (" + orgs + "))"
                + " OR " + brokerSpace + " IN (SELECT fs.guid FROM spaces fs WHERE fs.organization_guid IN (" + orgs
                + ")))";
    }

    /** As {@link #planInOrganizations} for the organizations of these spaces, and brokers of these spaces only. */
    public static String planInSpaces(String plan, String brokerSpace, String spaces, ListSql.Binds binds) {
        return "(" + plan + ".public = " + binds.add(true) + " OR " + plan + ".guid IN (SELECT fspv.service_plan_guid"
                + " FROM service_plan_visibilities fspv WHERE fspv.organization_guid IN (SELECT fs.organization_guid"
                + " FROM spaces fs WHERE fs.guid IN (" + spaces + ")))"
                + " OR " + brokerSpace + " IN (" + spaces + "))";
    }

    /** Whether the offering aliased {@code so} (broker {@code sb}) has a visible plan. */
    public static String offeringVisible(Visibility v, ListSql.Binds binds) {
        return "so.guid IN (SELECT vsp.service_offering_guid FROM service_plans vsp"
                + " JOIN service_offerings vso ON vso.guid = vsp.service_offering_guid"
                + " JOIN service_brokers vsb ON vsb.guid = vso.service_broker_guid WHERE "
                + planVisible(v, binds, "vsp", "vsb.space_guid") + ")";
    }

    private static String types(Set<RoleType> types, ListSql.Binds binds) {
        return binds.list(types.stream().map(RoleType::wireName).sorted().toList());
    }

    public static void deletePlan(Handle h, JdbiMetadataRepository metadata, String planGuid) {
        h.execute("DELETE FROM service_plan_visibilities WHERE service_plan_guid = ?", planGuid);
        h.execute("DELETE FROM service_plans WHERE guid = ?", planGuid);
        metadata.delete(planGuid);
    }

    /** Deletes an offering with its plans and their visibilities. */
    public static void deleteOffering(Handle h, JdbiMetadataRepository metadata, String offeringGuid) {
        List<String> plans = h.createQuery("SELECT guid FROM service_plans WHERE service_offering_guid = :o")
                .bind("o", offeringGuid).mapTo(String.class).list();
        for (String plan : plans) {
            deletePlan(h, metadata, plan);
        }
        h.execute("DELETE FROM service_offerings WHERE guid = ?", offeringGuid);
        metadata.delete(offeringGuid);
    }

    /** Deletes the service instances of these plans with their shares and bindings (purge). */
    public static void deleteInstancesOfPlans(Handle h, JdbiMetadataRepository metadata, List<String> planGuids) {
        if (planGuids.isEmpty()) {
            return;
        }
        List<String> instances = h.createQuery("SELECT guid FROM service_instances WHERE service_plan_guid IN (<p>)")
                .bindList("p", planGuids).mapTo(String.class).list();
        for (String instance : instances) {
            h.createQuery("SELECT guid FROM service_credential_bindings WHERE service_instance_guid = :i")
                    .bind("i", instance).mapTo(String.class).list().forEach(metadata::delete);
            h.createQuery("SELECT guid FROM service_route_bindings WHERE service_instance_guid = :i")
                    .bind("i", instance).mapTo(String.class).list().forEach(metadata::delete);
            h.execute("DELETE FROM service_credential_bindings WHERE service_instance_guid = ?", instance);
            h.execute("DELETE FROM service_route_bindings WHERE service_instance_guid = ?", instance);
            h.execute("DELETE FROM service_instance_shares WHERE service_instance_guid = ?", instance);
            h.execute("DELETE FROM service_instances WHERE guid = ?", instance);
            metadata.delete(instance);
        }
    }
}
