package dev.capi.domain.domains;

import dev.capi.domain.errors.CfException;
import dev.capi.model.Domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reference's domain name rules on create: the name is not taken (without regard to case), and neither another
 * organization's private domain nor a route reserves one of its parent names.
 */
final class DomainNameRules {
    private final DomainRepository repository;
    private final DomainRoutes routes;

    DomainNameRules(DomainRepository repository, DomainRoutes routes) {
        this.repository = repository;
        this.routes = routes;
    }

    /** The model validations of the reference: unique name, no overlap with other orgs' domains or with routes. */
    void check(String name, String owningOrg) {
        List<String> intermediates = DomainNames.intermediateDomains(name);
        List<String> lookups = new ArrayList<>(intermediates);
        lookups.add(name);
        List<Domain> existing = repository.findByNames(lookups);
        if (existing.stream().anyMatch(d -> d.name().equalsIgnoreCase(name))) {
            throw nameInUse(name);
        }
        for (String intermediate : intermediates) {
            Optional<Domain> offending = existing.stream()
                    .filter(d -> d.name().equalsIgnoreCase(intermediate) && d.isPrivate()
                            && !d.owningOrganizationGuid().equals(owningOrg))
                    .findFirst();
            if (offending.isPresent()) {
                throw reserved(name, offending.get().name(), "another domain");
            }
        }
        for (String intermediate : intermediates) {
            String host = DomainNames.hostname(intermediate);
            if (host != null && DomainNames.validFormat(intermediate)
                    && routes.hostExistsUnder(DomainNames.parent(intermediate), host)) {
                throw reserved(name, intermediate, "a route");
            }
        }
        if (owningOrg != null) {
            repository.subdomainOutside(name, owningOrg).ifPresent(d -> {
                throw reserved(name, d.name(), "another domain");
            });
        }
    }

    private static CfException reserved(String name, String by, String what) {
        return CfException.unprocessable("The domain name \"" + name + "\" cannot be created because \"" + by
                + "\" is already reserved by " + what);
    }

    static CfException nameInUse(String name) {
        return CfException.unprocessable("The domain name \"" + name + "\" is already in use");
    }
}
