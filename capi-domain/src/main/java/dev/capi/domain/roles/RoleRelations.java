package dev.capi.domain.roles;

import dev.capi.model.Organization;
import dev.capi.model.Space;
import dev.capi.model.User;

import java.util.List;

/**
 * The resources a page of roles refers to, for {@code include=user,organization,space} (each list null when not
 * requested; ordered by creation time, then guid, as the reference's decorators order them).
 */
public record RoleRelations(List<User> users, List<Organization> organizations, List<Space> spaces) {
}
