package dev.paperstream.query.resource;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.paperstream.filter.InvalidParameterException;

/**
 * Refuses query parameters an endpoint does not take. A misspelt filter ({@code ?topics=peft}, {@code ?form=...})
 * would otherwise be ignored and answer with every paper, which looks like a result and is not one.
 */
public class UnknownParameterFilter {

    private final Map<Method, Set<String>> accepted = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknownParameters(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> names = accepted.computeIfAbsent(method, UnknownParameterFilter::queryParameters);
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!names.contains(name)) {
                throw new InvalidParameterException(name, "unknown parameter " + name + "; "
                        + (names.isEmpty() ? "this endpoint takes none" : "this endpoint takes " + String.join(", ", names)));
            }
        }
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                }
            }
        }
        return names;
    }
}
