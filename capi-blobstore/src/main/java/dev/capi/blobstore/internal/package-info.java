/** Helpers the remote blobstores share (spooling, digests); not for embedders. */
package dev.capi.blobstore.internal;
