/** capi server. */
package dev.capi.server;
