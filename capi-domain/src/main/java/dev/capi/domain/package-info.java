/** capi domain. */
package dev.capi.domain;
