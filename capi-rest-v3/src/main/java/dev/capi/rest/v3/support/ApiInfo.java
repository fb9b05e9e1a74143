package dev.capi.rest.v3.support;

/**
 * What the root and info documents tell clients: where to log in, who this Cloud Controller is, and where log-cache
 * answers (null when no runtime serves logs).
 */
public record ApiInfo(String loginUrl, String uaaUrl, String name, String build, String version, String description,
                      String supportUrl, String minCliVersion, String recommendedCliVersion,
                      String logCacheUrl) {
    public static final String V3_VERSION = "3.211.0";
    public static final String V2_VERSION = "2.260.0";
    public static final String OSBAPI_VERSION = "2.15";
}
