package dev.capi.domain.stacks;

import dev.capi.model.StackState;

import java.util.List;

/** A stack the platform seeds at start (the reference's {@code stacks_file}). */
public record StackDefinition(String name, String description, StackState state) {
    /** The reference's sample: cflinuxfs4 (the default) and cflinuxfs3 (deprecated). */
    public static final List<StackDefinition> SAMPLE = List.of(
            new StackDefinition("cflinuxfs4", "Cloud Foundry Linux-based filesystem (Ubuntu 22.04)", StackState.ACTIVE),
            new StackDefinition("cflinuxfs3", "Cloud Foundry Linux-based filesystem (Ubuntu 18.04)",
                    StackState.DEPRECATED));
    public static final String SAMPLE_DEFAULT = "cflinuxfs4";
}
