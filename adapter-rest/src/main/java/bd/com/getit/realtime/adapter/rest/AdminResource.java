package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.adapter.rest.Views.AcceptedView;
import bd.com.getit.realtime.adapter.rest.Views.ConnectionsView;
import bd.com.getit.realtime.adapter.rest.Views.StatsView;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.port.in.AdminUseCase;
import bd.com.getit.realtime.port.in.AnnouncementUseCase;
import bd.com.getit.realtime.port.in.AnnouncementUseCase.AnnounceCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.SecurityContext;
import java.util.concurrent.CompletionStage;

/** Admin operations: figures, live connections, disconnecting a socket, announcements. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public final class AdminResource {
  private final AdminUseCase admin;
  private final AnnouncementUseCase announcements;
  private final RestMapper mapper;

  AdminResource(AdminUseCase admin, AnnouncementUseCase announcements, RestMapper mapper) {
    this.admin = admin;
    this.announcements = announcements;
    this.mapper = mapper;
  }

  @GET
  @Path("stats")
  @Operation(summary = "Cluster-wide figures (admin)")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = StatsView.class)))
  public CompletionStage<Response> stats(@Context SecurityContext security) {
    Caller caller = AuthFilter.CallerContext.of(security);
    return Replies.ok(Replies.call(() -> admin.stats(caller)), mapper::stats);
  }

  @GET
  @Path("connections")
  @Operation(summary = "Live connections of every node (admin)")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = ConnectionsView.class)))
  public CompletionStage<Response> connections(@Context SecurityContext security) {
    Caller caller = AuthFilter.CallerContext.of(security);
    return Replies.ok(
        Replies.call(() -> admin.connections(caller)),
        all -> new ConnectionsView(mapper.connections(all)));
  }

  @DELETE
  @Path("connections/{socket_id}")
  @Operation(summary = "Disconnects a socket on any node (admin)")
  @ApiResponse(responseCode = "204")
  public CompletionStage<Response> disconnect(
      @Context SecurityContext security, @PathParam("socket_id") String socketId) {
    Caller caller = AuthFilter.CallerContext.of(security);
    ConnectionId connection = Replies.pathId(socketId, ConnectionId::of, "connection");
    return Replies.reply(
        Replies.call(() -> admin.disconnect(caller, connection)),
        v -> Response.noContent().build());
  }

  @POST
  @Path("announcements")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Publishes a system_announcement to system:announcements, kept until show_until (admin)")
  @ApiResponse(
      responseCode = "202",
      content = @Content(schema = @Schema(implementation = AcceptedView.class)))
  public CompletionStage<Response> announce(
      @Context SecurityContext security, @NotNull @Valid Requests.Announce body) {
    Caller caller = AuthFilter.CallerContext.of(security);
    AnnounceCommand command =
        new AnnounceCommand(
            caller,
            LocalizedText.of(body.title(), body.titleBn()),
            LocalizedText.of(body.message(), body.messageBn()),
            body.type() == null ? "info" : body.type(),
            Replies.time(body.showUntil(), "show_until"));
    return Replies.reply(
        Replies.call(() -> announcements.announce(command)),
        announcement ->
            Response.accepted(new AcceptedView(announcement.id().value()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build());
  }
}
