package dev.capi.domain.fakes;

import dev.capi.domain.deployments.DeploymentRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Deployment;
import dev.capi.model.Metadata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deployments in a map, in insertion order; lists ignore filters (the SQL is tested in persistence). */
public final class InMemoryDeployments implements DeploymentRepository {
    private final Map<String, Deployment> rows = new LinkedHashMap<>();

    @Override
    public Optional<Deployment> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public Optional<Deployment> findForUpdate(String guid) {
        return find(guid);
    }

    @Override
    public Page<Deployment> list(ListQuery query) {
        return new Page<>(List.copyOf(rows.values()), rows.size());
    }

    @Override
    public List<Deployment> activeForApp(String appGuid) {
        return rows.values().stream().filter(d -> d.appGuid().equals(appGuid) && d.active()).toList();
    }

    @Override
    public void insert(Deployment d) {
        rows.put(d.guid(), d.withMetadata(Metadata.empty()));
    }

    @Override
    public void update(Deployment d) {
        rows.put(d.guid(), d.withMetadata(Metadata.empty()));
    }
}
