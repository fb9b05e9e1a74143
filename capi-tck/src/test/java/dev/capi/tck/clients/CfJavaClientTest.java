package dev.capi.tck.clients;

import dev.capi.tck.support.Tck;
import org.cloudfoundry.client.v3.Relationship;
import org.cloudfoundry.client.v3.ToOneRelationship;
import org.cloudfoundry.client.v3.organizations.CreateOrganizationRequest;
import org.cloudfoundry.client.v3.organizations.ListOrganizationsRequest;
import org.cloudfoundry.client.v3.spaces.CreateSpaceRequest;
import org.cloudfoundry.client.v3.spaces.ListSpacesRequest;
import org.cloudfoundry.client.v3.spaces.SpaceRelationships;
import org.cloudfoundry.reactor.DefaultConnectionContext;
import org.cloudfoundry.reactor.client.ReactorCloudFoundryClient;
import org.cloudfoundry.reactor.tokenprovider.PasswordGrantTokenProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** cf-java-client 5.15 logs in with the password grant and uses its V3 organizations and spaces clients. */
class CfJavaClientTest {
    @Test
    void cfJavaClientLogsInAndManagesOrgsAndSpaces() {
        Tck tck = Tck.get();
        URI api = URI.create(tck.baseUrl());
        DefaultConnectionContext context = DefaultConnectionContext.builder()
                .apiHost(api.getHost()).port(api.getPort()).secure("https".equals(api.getScheme())).build();
        PasswordGrantTokenProvider tokens = PasswordGrantTokenProvider.builder()
                .username(tck.adminUsername()).password(tck.adminPassword()).build();
        ReactorCloudFoundryClient client = ReactorCloudFoundryClient.builder()
                .connectionContext(context).tokenProvider(tokens).build();
        try {
            String orgName = Tck.unique("java-client-org");
            var org = client.organizationsV3().create(CreateOrganizationRequest.builder().name(orgName).build())
                    .block(Duration.ofSeconds(30));
            assertThat(org.getName()).isEqualTo(orgName);
            var orgs = client.organizationsV3().list(ListOrganizationsRequest.builder().name(orgName).build())
                    .block(Duration.ofSeconds(30));
            assertThat(orgs.getResources()).extracting(o -> o.getId()).containsExactly(org.getId());

            String spaceName = Tck.unique("java-client-space");
            var space = client.spacesV3().create(CreateSpaceRequest.builder().name(spaceName)
                    .relationships(SpaceRelationships.builder().organization(ToOneRelationship.builder()
                            .data(Relationship.builder().id(org.getId()).build()).build()).build())
                    .build()).block(Duration.ofSeconds(30));
            assertThat(space.getName()).isEqualTo(spaceName);
            var spaces = client.spacesV3().list(ListSpacesRequest.builder().organizationId(org.getId()).build())
                    .block(Duration.ofSeconds(30));
            assertThat(spaces.getResources()).extracting(s -> s.getName()).containsExactly(spaceName);
        } finally {
            context.dispose();
        }
    }
}
