package dev.capi.domain.assembly;

import dev.capi.domain.apps.AppContents;
import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.apps.AppSettings;
import dev.capi.domain.apps.ProcessRepository;
import dev.capi.domain.runtime.Runtime;
import dev.capi.domain.usage.AppUsageEventRepository;

/** Apps, their processes and usage events, what an app owns, the runtime that runs them, and app defaults. */
public record AppPorts(AppRepository apps, ProcessRepository processes, AppUsageEventRepository usageEvents,
                       AppContents contents, Runtime runtime, AppSettings settings) {
}
