package dev.capi.domain.serviceinstances;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.spaces.WritableSpaces;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.model.ServiceInstance;
import dev.capi.model.Space;

/**
 * Who sees and who changes a service instance, as the reference's controller decides: readers of its space or of a
 * space it is shared with see it (else 404 "Service instance not found"); developers of its space (and admins)
 * change it while its organization is not suspended (else 403).
 */
public final class ServiceInstanceAccess {
    private final ServiceInstanceRepository instances;
    private final SpaceRepository spaces;
    private final WritableSpaces writable;

    public ServiceInstanceAccess(ServiceInstanceRepository instances, SpaceRepository spaces,
                                 OrganizationRepository organizations) {
        this.instances = instances;
        this.spaces = spaces;
        this.writable = new WritableSpaces(organizations);
    }

    /** An instance and its space, when the principal may see it (call inside a transaction). */
    public Located visible(Permissions perms, String guid) {
        ServiceInstance instance = instances.find(guid).orElseThrow(ServiceInstanceAccess::notFound);
        Space space = spaces.find(instance.spaceGuid()).orElseThrow(ServiceInstanceAccess::notFound);
        if (!canRead(perms, instance, space)) {
            throw notFound();
        }
        return new Located(instance, space);
    }

    /** Whether the principal reads the instance: through its space or a space it is shared with. */
    public boolean canRead(Permissions perms, ServiceInstance instance, Space space) {
        if (perms.canReadSpace(space.guid(), space.organizationGuid())) {
            return true;
        }
        return instances.sharedSpaces(instance.guid()).stream()
                .anyMatch(s -> perms.canReadSpace(s.guid(), s.organizationGuid()));
    }

    /** A visible instance the principal may change: developer of its space (or admin), in a writable space. */
    public Located writable(Permissions perms, String guid) {
        Located located = visible(perms, guid);
        requireWritable(perms, located.space());
        return located;
    }

    public void requireWritable(Permissions perms, Space space) {
        if (!perms.canWriteSpace(space.guid())) {
            throw CfException.notAuthorized();
        }
        writable.requireWritableSpace(perms, space);
    }

    /** Whether the principal may write into the space now: developer (or admin) and the space is writable. */
    public boolean canWriteActive(Permissions perms, Space space) {
        if (!perms.canWriteSpace(space.guid())) {
            return false;
        }
        try {
            writable.requireWritableSpace(perms, space);
            return true;
        } catch (CfException e) {
            return false;
        }
    }

    public static CfException notFound() {
        return CfException.notFound("Service instance");
    }

    /** An instance with its space. */
    public record Located(ServiceInstance instance, Space space) {
    }
}
