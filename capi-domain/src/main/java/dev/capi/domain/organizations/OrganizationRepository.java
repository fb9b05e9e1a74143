package dev.capi.domain.organizations;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: organizations (metadata loaded with them). List filters: names, guids, and {@link #ENTITLED_TO} (organizations
 * entitled to one of the given isolation segments). Order: name.
 */
public interface OrganizationRepository {
    /** The list filter of organizations entitled to an isolation segment (set by the domain, not by clients). */
    String ENTITLED_TO = "entitled_to_isolation_segment_guids";

    Optional<Organization> find(String guid);

    List<Organization> findAll(Collection<String> guids);

    Page<Organization> list(ListQuery query);

    boolean nameTaken(String name);

    /** The guid of the quota new organizations get, if one is configured. */
    Optional<String> defaultQuotaGuid();

    void insert(Organization org);

    void update(Organization org);

    void delete(String guid);
}
