package dev.capi.domain.domains;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DomainNamesTest {
    @Test
    void acceptsDnsNames() {
        assertThat(DomainNames.errors("apps.example.com")).isEmpty();
        assertThat(DomainNames.errors("a-1.b2.io")).isEmpty();
        assertThat(DomainNames.errors("A.B.COM")).isEmpty();
    }

    @Test
    void needsADotAndAtLeastThreeCharacters() {
        assertThat(DomainNames.errors("ab")).containsExactly("Name is too short (minimum is 3 characters)",
                "Name does not comply with RFC 1035 standards", "Name must contain at least one \".\"");
    }

    @Test
    void refusesLongLabelsAndNames() {
        assertThat(DomainNames.errors("a".repeat(64) + ".com")).containsExactly(
                "Name does not comply with RFC 1035 standards", "Name subdomains must each be at most 63 characters");
        String longName = ("a".repeat(60) + ".").repeat(5) + "com";
        assertThat(DomainNames.errors(longName)).contains("Name is too long (maximum is 253 characters)");
    }

    @Test
    void refusesCharactersOutsideLettersDigitsAndHyphens() {
        assertThat(DomainNames.errors("under_score.com")).containsExactly(
                "Name does not comply with RFC 1035 standards",
                "Name must consist of alphanumeric characters and hyphens");
        assertThat(DomainNames.errors("-lead.com")).containsExactly("Name does not comply with RFC 1035 standards");
        assertThat(DomainNames.errors("double..dot.com")).containsExactly(
                "Name does not comply with RFC 1035 standards");
    }

    @Test
    void intermediateDomainsRunFromTheSecondLevelToTheName() {
        assertThat(DomainNames.intermediateDomains("a.b.example.com"))
                .containsExactly("example.com", "b.example.com", "a.b.example.com");
        assertThat(DomainNames.intermediateDomains("bad_name.com")).isEmpty();
        assertThat(DomainNames.hostname("a.b.com")).isEqualTo("a");
        assertThat(DomainNames.parent("a.b.com")).isEqualTo("b.com");
    }
}
