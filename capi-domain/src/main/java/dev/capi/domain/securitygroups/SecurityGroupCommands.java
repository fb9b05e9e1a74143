package dev.capi.domain.securitygroups;

import java.util.List;
import java.util.Map;

/** The commands the security group use cases accept (validated by the REST messages). */
public final class SecurityGroupCommands {
    private SecurityGroupCommands() {
    }

    /** Create: name, rules, globally enabled flags (null = false) and the spaces to bind for running and staging. */
    public record Create(String name, List<Map<String, Object>> rules, Boolean running, Boolean staging,
                         List<String> runningSpaceGuids, List<String> stagingSpaceGuids) {
        public Create {
            rules = List.copyOf(rules);
            runningSpaceGuids = List.copyOf(runningSpaceGuids);
            stagingSpaceGuids = List.copyOf(stagingSpaceGuids);
        }
    }

    /** Update: name and rules when given (rules replace the old ones); flags when not null. */
    public record Update(boolean nameGiven, String name, boolean rulesGiven, List<Map<String, Object>> rules,
                         Boolean running, Boolean staging) {
    }
}
