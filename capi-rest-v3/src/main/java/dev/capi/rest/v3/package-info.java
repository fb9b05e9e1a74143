/** capi rest-v3. */
package dev.capi.rest.v3;
