package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.adapter.rest.Views.AcceptedView;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.json.PlainJson;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import bd.com.getit.realtime.port.in.EventIngestUseCase.IngestCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** {@code POST /events}: the PROTOCOL section 8 envelope, for services and admins. */
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
public final class EventResource {
  private final EventIngestUseCase ingest;

  EventResource(EventIngestUseCase ingest) {
    this.ingest = ingest;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Publishes a domain event (service, admin); a repeated id is routed once")
  @ApiResponse(
      responseCode = "202",
      content = @Content(schema = @Schema(implementation = AcceptedView.class)))
  public Object publish(
      @Context SecurityContext security, @NotNull @Valid Requests.PublishEvent body) {
    Caller caller = AuthFilter.CallerContext.of(security);
    JsonValue.JsonObject.Builder envelope =
        JsonValue.JsonObject.builder()
            .put("id", body.id())
            .put("event", body.event())
            .put("channel", body.channel())
            .put("data", body.data() == null ? null : PlainJson.toObject(body.data()))
            .put("priority", body.priority())
            .put(
                "recipients",
                body.recipients() == null ? null : PlainJson.toValue(body.recipients()));
    if (body.ttlSeconds() != null) {
      envelope.put("ttl_seconds", body.ttlSeconds());
    }
    if (body.persist() != null) {
      envelope.put("persist", body.persist());
    }
    // The hot route of services publishing: answered at once when the ingest is, with its small
    // body written here rather than by a Jackson writer looked up per request.
    return Replies.replyNow(
        Replies.call(() -> ingest.ingest(new IngestCommand(caller, envelope.build()))),
        done ->
            Response.accepted(
                    JsonValue.JsonObject.builder().put("id", done.id().value()).build().toJson())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build());
  }
}
