package dev.capi.domain.auth;

import dev.capi.model.Role;

import java.util.List;

/** Port: the roles a user holds, which {@link Permissions} reads once per request. */
public interface RoleSource {
    List<Role> forUser(String userGuid);
}
