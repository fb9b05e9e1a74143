package dev.capi.domain.registrycredentials;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.organizations.OrganizationCleanup;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.spaces.WritableSpaces;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.Metadata;
import dev.capi.model.RegistryCredential;
import dev.capi.model.Space;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Registry credentials, guarded like what they belong to: space-scoped ones are read by the space's readers and
 * written by its developers; organization-scoped ones are read by the organization's members and written by its
 * managers (admins everywhere; admin_read_only and global auditors read).
 */
public final class RegistryCredentials implements OrganizationCleanup {
    private final RegistryCredentialRepository repository;
    private final OrganizationRepository organizations;
    private final SpaceRepository spaces;
    private final WritableSpaces writable;
    private final Transactions tx;
    private final MetadataChanges metadata;
    private final Clock clock;
    private final Guids guids;

    public RegistryCredentials(RegistryCredentialRepository repository, OrganizationRepository organizations,
                               SpaceRepository spaces, Transactions tx, MetadataChanges metadata, Clock clock,
                               Guids guids) {
        this.repository = repository;
        this.organizations = organizations;
        this.spaces = spaces;
        this.writable = new WritableSpaces(organizations);
        this.tx = tx;
        this.metadata = metadata;
        this.clock = clock;
        this.guids = guids;
    }

    public Page<RegistryCredential> list(Permissions perms, ListQuery query) {
        Visibility v = perms.canReadGlobally() ? Visibility.everything()
                : Visibility.of(perms.principal().userGuid(), Permissions.SPACE_READERS, Permissions.ORG_READERS);
        return tx.inTransaction(() -> repository.list(query.withVisibility(v)));
    }

    public RegistryCredential get(Permissions perms, String guid) {
        return tx.inTransaction(() -> visible(perms, guid));
    }

    private RegistryCredential visible(Permissions perms, String guid) {
        return repository.find(guid).filter(c -> canRead(perms, c))
                .orElseThrow(() -> CfException.notFound("Registry credential"));
    }

    private static boolean canRead(Permissions perms, RegistryCredential c) {
        return c.spaceGuid() != null ? perms.canReadSpace(c.spaceGuid(), c.organizationGuid())
                || perms.hasOrgRole(c.organizationGuid(), Permissions.ORG_READERS)
                : perms.canReadOrg(c.organizationGuid());
    }

    private static boolean canWrite(Permissions perms, RegistryCredential c) {
        return c.spaceGuid() != null ? perms.canWriteSpace(c.spaceGuid()) : perms.canWriteOrg(c.organizationGuid());
    }

    public RegistryCredential create(Permissions perms, RegistryCredentialCommands.Create cmd) {
        return tx.inTransaction(() -> {
            String orgGuid;
            if (cmd.spaceGuid() != null) {
                Space space = spaces.find(cmd.spaceGuid()).filter(s -> perms.canReadSpace(s.guid(),
                        s.organizationGuid())).orElseThrow(() -> CfException.unprocessable(
                        "Invalid space. Ensure that the space exists and you have access to it."));
                if (!perms.canWriteSpace(space.guid())) {
                    throw CfException.notAuthorized();
                }
                writable.requireWritableSpace(perms, space);
                orgGuid = space.organizationGuid();
            } else {
                orgGuid = organizations.find(cmd.organizationGuid()).filter(o -> perms.canReadOrg(o.guid()))
                        .orElseThrow(() -> CfException.unprocessable(
                                "Invalid organization. Ensure that the organization exists and you have access to it."))
                        .guid();
                if (!perms.canWriteOrg(orgGuid)) {
                    throw CfException.notAuthorized();
                }
                writable.requireWritableOrg(perms, orgGuid);
            }
            if (repository.locationTaken(orgGuid, cmd.spaceGuid(), cmd.location())) {
                throw CfException.unprocessable("Registry credential for location '" + cmd.location()
                        + "' already exists in this " + (cmd.spaceGuid() != null ? "space." : "organization."));
            }
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var credential = new RegistryCredential(guids.next(), now, now, cmd.location(), cmd.username(),
                    cmd.password(), orgGuid, cmd.spaceGuid(), Metadata.empty());
            repository.insert(credential);
            return credential.withMetadata(metadata.apply(credential.guid(), "registry_credential", Metadata.empty(),
                    cmd.metadata()));
        });
    }

    public RegistryCredential update(Permissions perms, String guid, RegistryCredentialCommands.Update cmd) {
        return tx.inTransaction(() -> {
            RegistryCredential c = requireWritable(perms, guid);
            var updated = new RegistryCredential(c.guid(), c.createdAt(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS), c.location(),
                    cmd.username() != null ? cmd.username() : c.username(),
                    cmd.password() != null ? cmd.password() : c.password(), c.organizationGuid(), c.spaceGuid(),
                    c.metadata());
            repository.update(updated);
            return updated.withMetadata(metadata.apply(guid, "registry_credential", c.metadata(), cmd.metadata()));
        });
    }

    public void delete(Permissions perms, String guid) {
        tx.run(() -> {
            requireWritable(perms, guid);
            repository.delete(guid);
        });
    }

    private RegistryCredential requireWritable(Permissions perms, String guid) {
        RegistryCredential c = visible(perms, guid);
        if (!canWrite(perms, c)) {
            throw CfException.notAuthorized();
        }
        if (c.spaceGuid() != null) {
            spaces.find(c.spaceGuid()).ifPresent(s -> writable.requireWritableSpace(perms, s));
        } else {
            writable.requireWritableOrg(perms, c.organizationGuid());
        }
        return c;
    }

    @Override
    public void deleteSpaceContents(String spaceGuid) {
        repository.deleteForSpace(spaceGuid);
    }

    @Override
    public void deleteOrganizationContents(String organizationGuid) {
        repository.deleteForOrganization(organizationGuid);
    }
}
