package dev.capi.domain.roles;

import dev.capi.model.RoleType;

import java.util.Map;

/** The commands the roles use cases accept (already validated by the REST messages). */
public final class RoleCommands {
    private RoleCommands() {
    }

    /**
     * Create: the type, the user by guid or by username (and optional origin), the organization (org roles) or
     * space (space roles), and the request as the audit event records it.
     */
    public record Create(RoleType type, String userGuid, String username, String origin, String organizationGuid,
                         String spaceGuid, Map<String, Object> auditRequest) {
        public Create {
            auditRequest = auditRequest == null ? Map.of() : auditRequest;
        }

        public boolean byUsername() {
            return userGuid == null;
        }
    }
}
