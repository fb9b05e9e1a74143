package dev.capi.domain.registrycredentials;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.RegistryCredential;

import java.util.Optional;

/**
 * Port: registry credentials (metadata loaded with them). List filters: guids, space_guids, organization_guids,
 * scopes (organization|space), locations; visibility through the space (space-scoped) or the organization.
 */
public interface RegistryCredentialRepository {
    Optional<RegistryCredential> find(String guid);

    Page<RegistryCredential> list(ListQuery query);

    boolean locationTaken(String organizationGuid, String spaceGuid, String location);

    void insert(RegistryCredential credential);

    void update(RegistryCredential credential);

    void delete(String guid);

    void deleteForSpace(String spaceGuid);

    void deleteForOrganization(String organizationGuid);
}
