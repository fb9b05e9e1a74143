package dev.capi.domain.stacks;

/** Whether apps use a stack (answered by the apps resource): a stack in use cannot be deleted. */
@FunctionalInterface
public interface StackUsage {
    boolean inUse(String stackName);

    static StackUsage none() {
        return stackName -> false;
    }
}
