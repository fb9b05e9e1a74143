package dev.capi.domain.auth;

import java.util.Set;

/**
 * Who is calling: the user (or client) guid from the token, its display name and origin, and the token's scopes.
 * Global rights come from the {@code cloud_controller.*} scopes only; org and space roles live in the database.
 */
public record Principal(String userGuid, String userName, String origin, String clientId, Set<String> scopes) {

    public static final String ADMIN = "cloud_controller.admin";
    public static final String ADMIN_READ_ONLY = "cloud_controller.admin_read_only";
    public static final String GLOBAL_AUDITOR = "cloud_controller.global_auditor";
    public static final String READ = "cloud_controller.read";
    public static final String WRITE = "cloud_controller.write";
    public static final String UPDATE_BUILD_STATE = "cloud_controller.update_build_state";

    public Principal {
        scopes = Set.copyOf(scopes);
    }

    public boolean isAdmin() {
        return scopes.contains(ADMIN);
    }

    public boolean isAdminReadOnly() {
        return scopes.contains(ADMIN_READ_ONLY);
    }

    public boolean isGlobalAuditor() {
        return scopes.contains(GLOBAL_AUDITOR);
    }

    /** admin, admin_read_only or global_auditor: may read everything (secrets aside). */
    public boolean canReadGlobally() {
        return isAdmin() || isAdminReadOnly() || isGlobalAuditor();
    }

    /** admin or admin_read_only: may read everything including secrets. */
    public boolean canReadSecretsGlobally() {
        return isAdmin() || isAdminReadOnly();
    }

    /** Only admins write globally. */
    public boolean canWriteGlobally() {
        return isAdmin();
    }

    /** The scope gate for GET/HEAD. */
    public boolean hasReadScope() {
        return canReadGlobally() || scopes.contains(READ);
    }

    /** The scope gate for every other verb. */
    public boolean hasWriteScope() {
        return isAdmin() || scopes.contains(WRITE);
    }
}
