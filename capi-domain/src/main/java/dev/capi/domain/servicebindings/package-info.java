/**
 * Service credential bindings (app bindings and service keys) and service route bindings: creation (synchronous for
 * user-provided instances, through the broker in jobs for managed ones), the broker's last_operation polling,
 * deletion, details and parameters, and what bindings put into an app's environment ({@code VCAP_SERVICES}) and the
 * syslog drain list.
 */
package dev.capi.domain.servicebindings;
