package dev.capi.domain.stacks;

import java.util.List;

/**
 * What uses a stack: the apps resource answers it once apps exist (until then, nothing does). A stack in use cannot
 * be deleted, and {@code GET /v3/stacks/:guid/apps} lists these apps.
 */
public interface StackUsage {
    boolean inUse(String stackName);

    /** Guids of the apps on this stack that the principal's visibility allows (empty when none). */
    List<String> appGuids(String stackName);

    static StackUsage none() {
        return new StackUsage() {
            @Override
            public boolean inUse(String stackName) {
                return false;
            }

            @Override
            public List<String> appGuids(String stackName) {
                return List.of();
            }
        };
    }
}
