package dev.capi.domain.errors;

/**
 * The reference Cloud Controller's error catalogue: name (the title without {@code CF-}), code, HTTP status and
 * message template ({@code %s} placeholders are filled with the exception's arguments).
 */
public enum CfError {
    InvalidAuthToken(1000, 401, "Invalid Auth Token"),
    MessageParseError(1001, 400, "Request invalid due to parse error: %s"),
    InvalidRelation(1002, 400, "%s"),
    BadRequest(1004, 400, "Bad request: %s"),
    NotFound(10000, 404, "Unknown request"),
    ServerError(10001, 500, "Server error"),
    UnknownError(10001, 500, "An unknown error occurred."),
    NotAuthenticated(10002, 401, "Authentication error"),
    NotAuthorized(10003, 403, "You are not authorized to perform the requested action"),
    InvalidRequest(10004, 400, "The request is invalid"),
    BadQueryParameter(10005, 400, "The query parameter is invalid: %s"),
    UnprocessableEntity(10008, 422, "%s"),
    UnableToPerform(10009, 400, "%s could not be completed: %s"),
    ResourceNotFound(10010, 404, "%s"),
    RequestEntityTooLarge(10011, 413, "Request entity too large: %s"),
    RateLimitExceeded(10013, 429, "Rate Limit Exceeded"),
    IPBasedRateLimitExceeded(10014, 429,
            "Rate Limit Exceeded: Unauthenticated requests from this IP address have exceeded the limit. Please log in."),
    ServiceUnavailable(10015, 503, "%s"),
    UniquenessError(10016, 422, "%s"),
    OrgSuspended(10017, 403, "The organization is suspended"),
    SpaceSuspended(10019, 403, "The space is suspended"),
    ResourceBeingDeleted(10020, 422, "The %s is being deleted"),
    InternalServerError(10081, 500, "%s"),
    UaaUnavailable(20004, 503, "The UAA service is currently unavailable"),
    UaaRateLimited(20008, 429, "The UAA is currently rate limited. Please try again later"),
    ServiceInstanceNameTaken(60002, 400, "The service instance name is taken: %s"),
    ServiceInstanceNotFound(60004, 404, "The service instance could not be found: %s"),
    ServiceInstanceQuotaExceeded(60005, 400, "You have exceeded your organization's services limit."),
    ServiceInstanceServicePlanNotAllowed(60007, 400,
            "The service instance cannot be created because paid service plans are not allowed."),
    ServiceInstanceSpaceQuotaExceeded(60012, 400, "You have exceeded your space's services limit."),
    ServiceInstanceServicePlanNotAllowedBySpaceQuota(60013, 400,
            "The service instance cannot be created because paid service plans are not allowed for your space."),
    AssociationNotEmpty(10006, 400, "Please delete the %s associations for your %s."),
    ServicePlanNotUpdateable(110004, 400, "The service does not support changing plans."),
    ServiceFetchInstanceParametersNotSupported(120004, 400,
            "This service does not support fetching service instance parameters."),
    MaintenanceInfoConflict(390009, 422, "maintenance_info.version requested is invalid. Please ensure the catalog "
            + "is up to date and you are providing a version supported by this service plan."),
    MaintenanceInfoNotUpdatableWhenChangingPlan(390008, 422,
            "maintenance_info should not be changed when switching to different plan."),
    AsyncServiceInstanceOperationInProgress(60016, 409, "An operation for service instance %s is in progress."),
    AsyncServiceBindingOperationInProgress(90008, 409,
            "An operation for the service binding between app %s and service instance %s is in progress."),
    PackageBitsAlreadyUploaded(150004, 400, "Bits may be uploaded only once. Create a new package to upload different bits."),
    BlobstoreUnavailable(150006, 502, "Failed to perform operation due to blobstore unavailability."),
    StagingError(170001, 400, "Staging error: %s"),
    NoAppDetectedError(170003, 400, "An app was not successfully detected by any available buildpack"),
    BuildpackCompileFailed(170004, 400, "App staging failed in the buildpack compile phase"),
    StagingTimeExpired(170007, 504, "Staging time expired: %s"),
    RunnerUnavailable(170015, 503, "Runner is unavailable: %s"),
    StagerUnavailable(170010, 503, "Stager is unavailable: %s"),
    StagingInProgress(170017, 422, "Only one build can be STAGING at a time per application."),
    TaskError(170019, 500, "Task failed: %s"),
    InstancesUnavailable(220002, 503, "Instances information unavailable: %s"),
    StackValidationFailed(250004, 422, "%s"),
    ServiceBrokerNotRemovable(270010, 422, "Can not remove brokers that have associated service instances: %s"),
    ServiceBrokerGone(270011, 422, "The service broker was removed before the synchronization completed"),
    // service catalog (brokers, offerings, plans): the reference's v2/v3 catalogue and its broker HTTP errors
    ServiceBrokerCatalogInvalid(270012, 502, "Service broker catalog is invalid: %s"),
    ServiceBrokerCatalogIncompatible(270019, 502, "Service broker catalog is incompatible: %s"),
    ServiceBrokerRequestRejected(270020, 502,
            "The service broker rejected the request. Status Code: %s. Please check that the URL points to a valid service broker."),
    ServiceBrokerRequestMalformed(270021, 502,
            "The service broker returned an invalid response: expected valid JSON object in body. Please check that the URL points to a valid service broker."),
    ServiceBrokerSyncFailed(270022, 502,
            "Encountered an error while attempting to sync cloud controller with the service broker's catalog: %s"),
    ServiceBrokerBadResponse(10001, 502, "%s"),
    ServiceBrokerApiAuthenticationFailed(10001, 502,
            "Authentication with the service broker failed. Double-check that the username and password are correct."),
    ServiceBrokerApiTimeout(10001, 504, "The request to the service broker timed out"),
    ServiceBrokerApiUnreachable(10001, 502, "The service broker could not be reached"),
    BuildpackNameStackLifecycleTaken(290000, 422,
            "The buildpack name %s is already in use for the stack %s and the lifecycle %s"),
    BuildpackInvalid(290003, 400, "Buildpack is invalid: %s"),
    BuildpackStacksDontMatch(390011, 422, "Uploaded buildpack stack (%s) does not match %s"),
    BuildpackStackDoesNotExist(390012, 422, "Uploaded buildpack stack (%s) does not exist"),
    BuildpackZipError(390013, 422, "Buildpack zip error: %s"),
    CustomBuildpacksDisabled(290004, 400, "Custom buildpacks are disabled"),
    JobTimeout(290006, 524, "The job execution has timed out."),
    SpaceDeletionFailed(290008, 502,
            "Deletion of space %s failed because one or more resources within could not be deleted.\n\n%s"),
    OrganizationDeletionFailed(290010, 502,
            "Deletion of organization %s failed because one or more resources within could not be deleted.\n\n%s"),
    DockerDisabled(320003, 400, "Docker support has not been enabled."),
    CNBDisabled(320007, 400, "Cloud Native Buildpacks support has not been enabled."),
    FeatureDisabled(330002, 403, "Feature Disabled: %s"),
    ProcessNotFound(350003, 404, "The process could not be found: %s"),
    SharedServiceInstanceCannotBeRenamed(390003, 422, "Service instances that have been shared cannot be renamed"),
    DeploymentsDisabled(390014, 403,
            "Deployments cannot be created due to manifest property 'temporary_disable_deployments'"),
    LabelLimitExceeded(390020, 422,
            "Failed to add %s labels because it would exceed maximum of %s"),
    AnnotationLimitExceeded(390023, 422,
            "Failed to add %s annotations because it would exceed maximum of %s"),
    ServiceFetchBindingParametersNotSupported(90007, 400,
            "This service does not support fetching service binding parameters."),
    /** Answered 422 by the route binding create, as the reference overrides the catalogue's 400. */
    ServiceInstanceAlreadyBoundToSameRoute(130008, 422, "The route and service instance are already bound.");

    private final int code;
    private final int httpStatus;
    private final String template;

    CfError(int code, int httpStatus, String template) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.template = template;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The document's title: the name with the reference's {@code CF-} prefix (UnknownError has none). */
    public String title() {
        return this == UnknownError ? "UnknownError" : "CF-" + name();
    }

    /** Fills the template; a template without placeholders ignores the arguments. */
    public String detail(Object... args) {
        if (!template.contains("%")) {
            return template;
        }
        return String.format(template, args);
    }
}
