package dev.capi.domain.deployments;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Deployment;

import java.util.List;
import java.util.Optional;

/**
 * Port: deployments. List filters: guids, app_guids, states, status_values, status_reasons, label_selector;
 * visibility through the space.
 */
public interface DeploymentRepository {
    Optional<Deployment> find(String guid);

    /**
     * The deployment, its row locked until the caller's transaction ends ({@code SELECT ... FOR UPDATE}): one node at a
     * time updates a deployment.
     */
    Optional<Deployment> findForUpdate(String guid);

    Page<Deployment> list(ListQuery query);

    /** The app's deployments whose status is ACTIVE. */
    List<Deployment> activeForApp(String appGuid);

    void insert(Deployment d);

    /** Writes state, status, processes and updated_at / last status change. */
    void update(Deployment d);
}
