/** capi persistence. */
package dev.capi.persistence;
