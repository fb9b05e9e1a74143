/** capi model. */
package dev.capi.model;
