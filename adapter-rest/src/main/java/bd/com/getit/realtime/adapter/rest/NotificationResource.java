package bd.com.getit.realtime.adapter.rest;

import static bd.com.getit.realtime.adapter.rest.Requests.objectOrEmpty;

import bd.com.getit.realtime.adapter.rest.Views.NotificationListView;
import bd.com.getit.realtime.adapter.rest.Views.NotificationStatusView;
import bd.com.getit.realtime.adapter.rest.Views.TemplateListView;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.port.in.NotificationUseCase;
import bd.com.getit.realtime.port.in.NotificationUseCase.SendNotificationCommand;
import bd.com.getit.realtime.port.in.NotificationUseCase.SendTemplatedCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The caller's notifications; sending them with texts or a template (services and admins); the
 * templates; read and clicked marks.
 */
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
public final class NotificationResource {
  private final NotificationUseCase notifications;
  private final RestMapper mapper;

  NotificationResource(NotificationUseCase notifications, RestMapper mapper) {
    this.notifications = notifications;
    this.mapper = mapper;
  }

  @GET
  @Operation(summary = "The caller's notifications, newest first")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = NotificationListView.class)))
  public CompletionStage<Response> list(
      @Context SecurityContext security,
      @Parameter(schema = @Schema(type = "boolean", defaultValue = "false")) @QueryParam("unread")
          String unread,
      @Parameter(schema = @Schema(type = "integer", defaultValue = "50")) @QueryParam("limit")
          String limit) {
    Caller caller = AuthFilter.CallerContext.of(security);
    boolean unreadOnly = Replies.bool(unread, false, "unread");
    int max = Replies.integer(limit, 50, "limit");
    return Replies.ok(
        Replies.call(() -> notifications.list(caller, unreadOnly, max)), mapper::notifications);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sends a notification to a user (service, admin)")
  @ApiResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = NotificationStatusView.class)))
  public CompletionStage<Response> send(
      @Context SecurityContext security, @NotNull @Valid Requests.SendNotification body) {
    Caller caller = AuthFilter.CallerContext.of(security);
    Priority priority =
        body.priority() == null
            ? Priority.MEDIUM
            : Priority.fromWire(body.priority())
                .orElseThrow(
                    () -> new InvalidRequestException("priority is low, medium, high or critical"));
    UserId user = Replies.fieldId(body.userId(), UserId::of, "user_id");
    CompletionStage<Notification> sent;
    if (body.template() != null) {
      SendTemplatedCommand command =
          new SendTemplatedCommand(
              caller,
              user,
              Optional.ofNullable(body.notificationType()),
              body.template(),
              objectOrEmpty(body.params()),
              objectOrEmpty(body.data()),
              Optional.ofNullable(body.actionUrl()),
              priority);
      sent = Replies.call(() -> notifications.sendTemplated(command));
    } else {
      SendNotificationCommand command =
          new SendNotificationCommand(
              caller,
              user,
              required(body.notificationType(), "notification_type"),
              LocalizedText.of(required(body.title(), "title"), body.titleBn()),
              LocalizedText.of(required(body.message(), "message"), body.messageBn()),
              objectOrEmpty(body.data()),
              Optional.ofNullable(body.actionUrl()),
              priority);
      sent = Replies.call(() -> notifications.send(command));
    }
    return Replies.reply(
        sent,
        n ->
            Response.status(Response.Status.CREATED)
                .entity(mapper.notificationStatus(n))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build());
  }

  @GET
  @Path("templates")
  @Operation(summary = "The server's notification templates and their parameters")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = TemplateListView.class)))
  public Response templates() {
    // Signed-in users only: the auth filter has refused anyone else already.
    return Response.ok(mapper.templates(notifications.templates()))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /** A text field needed when no template is given. */
  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(field + " is required without a template");
    }
    return value;
  }

  @POST
  @Path("{id}/read")
  @Operation(summary = "Marks one of the caller's notifications read")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = NotificationStatusView.class)))
  public CompletionStage<Response> read(
      @Context SecurityContext security, @PathParam("id") String id) {
    return mark(security, id, NotificationStatus.READ);
  }

  @POST
  @Path("{id}/clicked")
  @Operation(summary = "Marks one of the caller's notifications clicked")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = NotificationStatusView.class)))
  public CompletionStage<Response> clicked(
      @Context SecurityContext security, @PathParam("id") String id) {
    return mark(security, id, NotificationStatus.CLICKED);
  }

  private CompletionStage<Response> mark(
      SecurityContext security, String id, NotificationStatus status) {
    Caller caller = AuthFilter.CallerContext.of(security);
    NotificationId notification = Replies.pathId(id, NotificationId::of, "notification");
    return Replies.ok(
        Replies.call(() -> notifications.mark(caller, notification, status)),
        mapper::notificationStatus);
  }
}
