/** capi rest-internal. */
package dev.capi.rest.internal;
