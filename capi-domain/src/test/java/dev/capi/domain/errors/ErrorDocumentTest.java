package dev.capi.domain.errors;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorDocumentTest {
    @Test
    void aDomainErrorIsOneEntryWithItsCatalogueStatusTitleAndCode() {
        var doc = ErrorDocument.of(CfException.notFound("App"));
        assertThat(doc.status()).isEqualTo(404);
        assertThat(doc.errors()).containsExactly(new ErrorDocument.Entry("App not found", "CF-ResourceNotFound", 10010));
    }

    @Test
    void aCompoundErrorListsEveryUnderlyingErrorWithTheFirstOnesStatus() {
        var doc = ErrorDocument.of(CfException.compound(List.of(CfException.unprocessable("one"),
                CfException.notAuthorized())));
        assertThat(doc.status()).isEqualTo(422);
        assertThat(doc.errors()).extracting(ErrorDocument.Entry::title)
                .containsExactly("CF-UnprocessableEntity", "CF-NotAuthorized");
    }

    @Test
    void refusedRequestsMapTheFrameworksStatusToTheReferencesError() {
        assertThat(ErrorDocument.refusedRequest(404).orElseThrow().errors().get(0).title()).isEqualTo("CF-NotFound");
        assertThat(ErrorDocument.refusedRequest(405).orElseThrow().status()).isEqualTo(404);
        assertThat(ErrorDocument.refusedRequest(415).orElseThrow().errors().get(0))
                .isEqualTo(new ErrorDocument.Entry("invalid request body", "CF-MessageParseError", 1001));
        assertThat(ErrorDocument.refusedRequest(413).orElseThrow().status()).isEqualTo(413);
        assertThat(ErrorDocument.refusedRequest(406).orElseThrow().errors().get(0).title())
                .isEqualTo("CF-InvalidRequest");
        assertThat(ErrorDocument.refusedRequest(503)).isEmpty();
        assertThat(ErrorDocument.refusedRequest(302)).isEmpty();
    }

    @Test
    void anUnexpectedFailureShowsNothingOfItsCause() {
        assertThat(ErrorDocument.unexpected()).isEqualTo(new ErrorDocument(500,
                List.of(new ErrorDocument.Entry("An unknown error occurred.", "UnknownError", 10001))));
    }
}
