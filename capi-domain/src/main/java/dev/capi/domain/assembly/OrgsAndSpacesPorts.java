package dev.capi.domain.assembly;

import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.roles.RoleRepository;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.users.UserDirectory;
import dev.capi.domain.users.UserRepository;

/** The tenancy tables and the identity provider's user directory. */
public record OrgsAndSpacesPorts(OrganizationRepository organizations, SpaceRepository spaces, UserRepository users,
                                 RoleRepository roles, UserDirectory userDirectory) {
}
