package dev.capi.domain;

import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.events.AuditEventRepository;
import dev.capi.domain.featureflags.FeatureFlagRepository;
import dev.capi.domain.jobs.JobRepository;
import dev.capi.domain.metadata.MetadataRepository;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.roles.RoleRepository;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.domain.users.UserDirectory;
import dev.capi.domain.users.UserRepository;

import java.time.Clock;

/** Everything the domain needs from the outside world, implemented by the adapters and handed over by the assembly. */
public record Ports(Transactions transactions, Clock clock, Guids guids, MetadataRepository metadata,
                    OrganizationRepository organizations, SpaceRepository spaces, UserRepository users,
                    RoleRepository roles, AuditEventRepository auditEvents, JobRepository jobs,
                    FeatureFlagRepository featureFlags, BlobStore blobs, UserDirectory userDirectory,
                    Repositories more) {
    /** Without further repositories. */
    public Ports(Transactions transactions, Clock clock, Guids guids, MetadataRepository metadata,
                 OrganizationRepository organizations, SpaceRepository spaces, UserRepository users,
                 RoleRepository roles, AuditEventRepository auditEvents, JobRepository jobs,
                 FeatureFlagRepository featureFlags, BlobStore blobs, UserDirectory userDirectory) {
        this(transactions, clock, guids, metadata, organizations, spaces, users, roles, auditEvents, jobs,
                featureFlags, blobs, userDirectory, new Repositories());
    }

    /** Without an identity provider directory (only the users table resolves names). */
    public Ports(Transactions transactions, Clock clock, Guids guids, MetadataRepository metadata,
                 OrganizationRepository organizations, SpaceRepository spaces, UserRepository users,
                 RoleRepository roles, AuditEventRepository auditEvents, JobRepository jobs,
                 FeatureFlagRepository featureFlags, BlobStore blobs) {
        this(transactions, clock, guids, metadata, organizations, spaces, users, roles, auditEvents, jobs,
                featureFlags, blobs, UserDirectory.none());
    }
}
