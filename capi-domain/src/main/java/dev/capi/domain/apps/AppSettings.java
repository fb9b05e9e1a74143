package dev.capi.domain.apps;

/**
 * The configuration keys apps and processes obey (the reference's {@code default_app_memory},
 * {@code default_app_disk_in_mb}, {@code default_app_log_rate_limit_in_bytes_per_second},
 * {@code instance_file_descriptor_limit}, {@code allow_app_ssh_access}, {@code default_app_ssh_access}) and the
 * API's external URL for {@code VCAP_APPLICATION.cf_api}.
 */
public record AppSettings(long defaultMemoryInMb, long defaultDiskInMb, long defaultLogRateLimit,
                          int fileDescriptorLimit, boolean allowSshGlobally, boolean defaultAppSsh, String cfApi) {
    public static AppSettings defaults() {
        return new AppSettings(1024, 1024, 1048576, 16384, true, true, "http://localhost:9022");
    }

    public AppSettings withCfApi(String url) {
        return new AppSettings(defaultMemoryInMb, defaultDiskInMb, defaultLogRateLimit, fileDescriptorLimit,
                allowSshGlobally, defaultAppSsh, url);
    }
}
