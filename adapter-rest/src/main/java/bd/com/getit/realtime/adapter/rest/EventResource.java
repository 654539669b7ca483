package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.adapter.rest.Views.AcceptedView;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import bd.com.getit.realtime.port.in.EventIngestUseCase.IngestCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
  @Operation(
      summary = "Publishes a domain event (service, admin); a repeated id is routed once",
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = Requests.PublishEvent.class))))
  @ApiResponse(
      responseCode = "202",
      content = @Content(schema = @Schema(implementation = AcceptedView.class)))
  public Object publish(@Context SecurityContext security, byte[] body) {
    Caller caller = AuthFilter.CallerContext.of(security);
    JsonValue.JsonObject envelope = PublishRequest.envelope(body);
    // The hot route of services publishing: answered at once when the ingest is, with its small
    // body written here rather than by a Jackson writer looked up per request.
    return Replies.replyNow(
        Replies.call(() -> ingest.ingest(new IngestCommand(caller, envelope))),
        done -> Response.accepted(accepted(done)).type(MediaType.APPLICATION_JSON_TYPE).build());
  }

  /** The body of a 202: the event's id. */
  static String accepted(EventIngestUseCase.Ingested done) {
    return JsonValue.JsonObject.builder().put("id", done.id().value()).build().toJson();
  }
}
