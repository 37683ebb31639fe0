package dev.paperstream.http;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Says in the OpenAPI document what {@link BearerTokenFilter} does: an operation that declares no security needs
 * none ({@code security: [{}]}), so a client generator does not guess, while writes name the bearer scheme
 * themselves. Registered with {@code mp.openapi.filter}.
 */
public class PublicReads implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
        }
        return operation;
    }
}
