package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.adapter.rest.Views.OnlineUsersView;
import bd.com.getit.realtime.adapter.rest.Views.PresenceView;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.json.PlainJson;
import bd.com.getit.realtime.port.in.PresenceUseCase;
import bd.com.getit.realtime.port.in.PresenceUseCase.UpdatePresenceCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.concurrent.CompletionStage;

/** {@code PUT /presence}, {@code GET /presence/{user_id}}, {@code GET /online-users}. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class PresenceResource {
  private final PresenceUseCase presence;
  private final RestMapper mapper;

  PresenceResource(PresenceUseCase presence, RestMapper mapper) {
    this.presence = presence;
    this.mapper = mapper;
  }

  @PUT
  @Path("presence")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sets the caller's presence on every device")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PresenceView.class)))
  public CompletionStage<Response> update(
      @Context SecurityContext security, @NotNull @Valid Requests.UpdatePresence body) {
    Caller caller = AuthFilter.CallerContext.of(security);
    JsonValue.JsonObject update =
        JsonValue.JsonObject.builder()
            .put("status", body.status())
            .put("current_page", body.currentPage())
            .put("activity", body.activity() == null ? null : PlainJson.toObject(body.activity()))
            .put("location", body.location() == null ? null : PlainJson.toValue(body.location()))
            .build();
    return Replies.ok(
        Replies.call(() -> presence.update(new UpdatePresenceCommand(caller, update))),
        mapper::presence);
  }

  @GET
  @Path("presence/{user_id}")
  @Operation(
      summary = "A user's presence",
      description = "activity (viewing_product, cart_items, in_checkout) for staff readers only")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PresenceView.class)))
  public CompletionStage<Response> get(
      @Context SecurityContext security, @PathParam("user_id") String userId) {
    Caller caller = AuthFilter.CallerContext.of(security);
    UserId user = Replies.pathId(userId, UserId::of, "user");
    // The shopping activity is for the support desk (PROTOCOL 10.1 staff roles) only.
    boolean staff = caller.principal().isStaff();
    return Replies.ok(
        Replies.call(() -> presence.get(caller, user)),
        p -> staff ? mapper.staffPresence(p) : mapper.presence(p));
  }

  @GET
  @Path("online-users")
  @Operation(summary = "Online users, in total and by location")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = OnlineUsersView.class)))
  public CompletionStage<Response> online(@Context SecurityContext security) {
    Caller caller = AuthFilter.CallerContext.of(security);
    return Replies.ok(Replies.call(() -> presence.onlineUsers(caller)), mapper::onlineUsers);
  }
}
