package dev.capi.rest.v3.buildpacks;

import dev.capi.domain.buildpacks.Buildpacks;
import dev.capi.domain.errors.CfException;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;

import java.io.InputStream;
import jakarta.inject.Inject;

/** {@code /v3/buildpacks}: list, create, get, update, delete (202 + job) and upload (multipart {@code bits}). */
@Path("/v3/buildpacks")
public final class BuildpacksResource extends V3Resource {
    private final Buildpacks buildpacks;

    @Inject
    public BuildpacksResource(Buildpacks buildpacks) {
        this.buildpacks = buildpacks;
    }

    static final ListSpec LIST = ListSpec.of("names", "stacks", "lifecycle").orderBy("position", "lifecycle")
            .labelSelector();

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var lifecycle = params.query().filter("lifecycle");
        if (lifecycle != null && !lifecycle.stream().allMatch(l -> l.equals("buildpack") || l.equals("cnb"))) {
            throw CfException.badQuery("Lifecycle must be either \"buildpack\" or \"cnb\"");
        }
        var page = buildpacks.list(permissions(), params.query());
        var resources = page.resources().stream().map(b -> BuildpackPresenter.present(b, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/buildpacks", links));
    }

    @POST
    public Response create(String body) {
        var created = buildpacks.create(permissions(), () -> BuildpackMessages.create(body));
        return created(BuildpackPresenter.present(created, links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(BuildpackPresenter.present(buildpacks.get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var updated = buildpacks.update(permissions(), guid, () -> BuildpackMessages.update(body));
        return ok(BuildpackPresenter.present(updated, links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        return accepted(buildpacks.delete(permissions(), guid));
    }

    /** 202 with the buildpack as it still is and a Location for the job that puts the bits in place. */
    @POST
    @Path("/{guid}/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("guid") String guid, FormDataMultiPart form) {
        FormDataBodyPart bits = form == null ? null : form.getField("bits");
        Buildpacks.Bits upload = bits == null ? null : new Buildpacks.Bits(
                bits.getContentDisposition().getFileName(), bits.getEntityAs(InputStream.class));
        var accepted = buildpacks.upload(permissions(), guid, upload);
        return accepted(BuildpackPresenter.present(accepted.buildpack(), links), accepted.job());
    }

    /** An upload that is not a multipart form carries no {@code bits}: the same checks, then that 422. */
    @POST
    @Path("/{guid}/upload")
    @Consumes(MediaType.WILDCARD)
    public Response uploadWithoutForm(@PathParam("guid") String guid) {
        buildpacks.upload(permissions(), guid, null);
        throw new IllegalStateException("an upload without bits is always refused");
    }
}
