/** capi blobstore. */
package dev.capi.blobstore;
