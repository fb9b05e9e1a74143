package dev.capi.domain.assembly;

import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.events.AuditEventRepository;
import dev.capi.domain.featureflags.FeatureFlagRepository;
import dev.capi.domain.jobs.JobRepository;
import dev.capi.domain.metadata.MetadataRepository;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;

import java.time.Clock;

/** What every area needs from outside: transactions, time, ids, metadata, audit events, jobs, flags and bits. */
public record CorePorts(Transactions transactions, Clock clock, Guids guids, MetadataRepository metadata,
                        AuditEventRepository auditEvents, JobRepository jobs, FeatureFlagRepository featureFlags,
                        BlobStore blobs) {
}
