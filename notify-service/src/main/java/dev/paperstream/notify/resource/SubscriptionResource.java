package dev.paperstream.notify.resource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.paperstream.http.Problem;
import dev.paperstream.notify.domain.SubscriptionRequest;
import dev.paperstream.notify.domain.TargetPolicy;
import dev.paperstream.notify.persistence.Subscription;
import dev.paperstream.notify.service.Subscriptions;

@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions", description = "Follow any paper search with signed webhooks")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A token from PAPERSTREAM_API_TOKENS")
public class SubscriptionResource {

    private final Subscriptions subscriptions;
    private final TargetPolicy policy;

    SubscriptionResource(Subscriptions subscriptions, TargetPolicy policy) {
        this.subscriptions = subscriptions;
        this.policy = policy;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createSubscription", summary = "Subscribe a URL to the papers a filter selects",
            description = "Every paper enriched from now on that the filter selects (the filter of GET /papers, by the "
                    + "same rule) is POSTed to url as a Standard Webhooks message {type: paper.enriched, timestamp, "
                    + "data: the /papers item}, signed with the secret (webhook-id, webhook-timestamp, "
                    + "webhook-signature). The secret is generated when not given and shown only in this answer. "
                    + "Only public https URLs are accepted unless the operator allows private ones.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NewSubscription.class),
            examples = @ExampleObject(name = "peft", value = ApiExamples.CREATE)))
    @APIResponse(responseCode = "201", description = "Subscribed; Location names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "created", value = ApiExamples.CREATED)))
    @APIResponse(responseCode = "400", description = "A field is refused; the problem names it (url, secret, filter.<parameter>)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "private",
                    value = ApiExamples.PRIVATE_URL)))
    @APIResponse(responseCode = "401", description = "No accepted bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The service holds its limit of subscriptions",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(JsonNode body, @Context UriInfo uri) {
        Subscription created = subscriptions.create(SubscriptionRequest.parse(body, policy));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(SubscriptionView.created(created)).build();
    }

    @GET
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listSubscriptions", summary = "Every subscription (without secrets)")
    @APIResponse(responseCode = "200", description = "The subscriptions, oldest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "listing", value = ApiExamples.LISTING)))
    @APIResponse(responseCode = "401", description = "No accepted bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SubscriptionView.Listing list() {
        return new SubscriptionView.Listing(subscriptions.all().stream().map(SubscriptionView::listed).toList());
    }

    @GET
    @Path("/{id}")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getSubscription", summary = "A subscription with its delivery statistics and last attempts",
            description = "enabled is false once the subscription was disabled; disabledReason says why (deliveries "
                    + "failing for the whole retry window, refused in a row, 410 Gone, or a URL that now resolves to an "
                    + "address that is refused).")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "detail", value = ApiExamples.DETAIL)))
    @APIResponse(responseCode = "401", description = "No accepted bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = ApiExamples.UNKNOWN)))
    public SubscriptionView get(@Parameter(example = "sub_5f0c6a1e9b2d4c7a8e3f1b20") @PathParam("id") String id) {
        Subscription subscription = subscriptions.get(id);
        return SubscriptionView.detailed(subscription, subscriptions.statistics(id));
    }

    @DELETE
    @Path("/{id}")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteSubscription", summary = "Unsubscribe: nothing more is sent, pending deliveries included")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No accepted bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = ApiExamples.UNKNOWN)))
    public Response delete(@Parameter(example = "sub_5f0c6a1e9b2d4c7a8e3f1b20") @PathParam("id") String id) {
        subscriptions.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/test")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "testSubscription", summary = "Send a signed webhook.test message now",
            description = "The message goes through the outbox like any delivery: the answer tells how its first "
                    + "attempt went (delivered, pending: it will be retried, or failed), with the receiver's status.")
    @APIResponse(responseCode = "200", description = "The first attempt's outcome", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "tested", value = ApiExamples.TESTED)))
    @APIResponse(responseCode = "401", description = "No accepted bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such subscription", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = ApiExamples.UNKNOWN)))
    public Subscriptions.TestOutcome test(@Parameter(example = "sub_5f0c6a1e9b2d4c7a8e3f1b20") @PathParam("id") String id) {
        return subscriptions.test(id);
    }
}
