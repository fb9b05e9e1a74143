package dev.capi.domain.domains;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: domains and the organizations private domains are shared with (both loaded with each domain, metadata too).
 * List filters: guids, names, organization_guids (owning organization) and {@code usable_in_organization} (shared,
 * owned by or shared with that one organization); order: created_at, updated_at. The list's visibility holds the
 * user and the roles that make an organization's private domains readable: shared domains are always visible.
 */
public interface DomainRepository {
    Optional<Domain> find(String guid);

    List<Domain> findAll(Collection<String> guids);

    /** The domains alone (no shares, no metadata): what presenting routes needs, in one statement. */
    default List<Domain> findAllPlain(Collection<String> guids) {
        return findAll(guids);
    }

    /** Domains with exactly these names (the intermediate domains of a new name). */
    List<Domain> findByNames(Collection<String> names);

    Page<Domain> list(ListQuery query);

    /** A domain (shared, or owned by another organization than {@code owningOrganizationGuid}) under {@code name}. */
    Optional<Domain> subdomainOutside(String name, String owningOrganizationGuid);

    /** The first shared HTTP domain that is not internal, else the org's first private domain (owned or shared). */
    Optional<Domain> defaultFor(String organizationGuid);

    /** Guids of the private domains an organization owns. */
    List<String> ownedBy(String organizationGuid);

    void insert(Domain domain);

    void touch(String guid, java.time.Instant updatedAt);

    void share(String domainGuid, String organizationGuid);

    void unshare(String domainGuid, String organizationGuid);

    /** Removes every share with this organization (the organization is being deleted). */
    void unshareAll(String organizationGuid);

    void delete(String guid);
}
