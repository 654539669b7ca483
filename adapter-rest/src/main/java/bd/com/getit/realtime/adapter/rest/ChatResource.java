package bd.com.getit.realtime.adapter.rest;

import static bd.com.getit.realtime.adapter.rest.Requests.objectOrEmpty;

import bd.com.getit.realtime.adapter.rest.Views.HistoryView;
import bd.com.getit.realtime.adapter.rest.Views.MessageView;
import bd.com.getit.realtime.adapter.rest.Views.RoomListView;
import bd.com.getit.realtime.adapter.rest.Views.RoomView;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.port.in.ChatUseCase;
import bd.com.getit.realtime.port.in.ChatUseCase.CreateRoomCommand;
import bd.com.getit.realtime.port.in.ChatUseCase.HistoryCommand;
import bd.com.getit.realtime.port.in.ChatUseCase.JoinRoomCommand;
import bd.com.getit.realtime.port.in.ChatUseCase.ListRoomsCommand;
import bd.com.getit.realtime.port.in.MessagingUseCase;
import bd.com.getit.realtime.port.in.MessagingUseCase.SendMessageCommand;
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
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Chat rooms: create, list, read, join, close, archive, leave, history, post a message (delivered
 * live to the room).
 */
@Path("/chat/rooms")
@Produces(MediaType.APPLICATION_JSON)
public final class ChatResource {
  private final ChatUseCase chat;
  private final MessagingUseCase messaging;
  private final RestMapper mapper;

  ChatResource(ChatUseCase chat, MessagingUseCase messaging, RestMapper mapper) {
    this.chat = chat;
    this.messaging = messaging;
    this.mapper = mapper;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Creates a room; the caller joins it")
  @ApiResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = RoomView.class)))
  public CompletionStage<Response> create(
      @Context SecurityContext security, @NotNull @Valid Requests.CreateRoom body) {
    Caller caller = AuthFilter.CallerContext.of(security);
    RoomType type =
        RoomType.fromWire(body.type())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "type is customer_support, vendor_chat or group_chat"));
    List<UserId> participants =
        body.participants() == null
            ? List.of()
            : body.participants().stream()
                .map(p -> Replies.fieldId(p, UserId::of, "participants"))
                .toList();
    CreateRoomCommand command =
        new CreateRoomCommand(caller, type, participants, objectOrEmpty(body.metadata()));
    return Replies.reply(
        Replies.call(() -> chat.createRoom(command)),
        room ->
            Response.created(URI.create("chat/rooms/" + room.id().value()))
                .entity(mapper.room(room))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build());
  }

  @GET
  @Operation(summary = "The caller's rooms (staff: anyone's), latest activity first")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = RoomListView.class)))
  public CompletionStage<Response> list(
      @Context SecurityContext security,
      @Parameter(schema = @Schema(allowableValues = {"active", "closed", "archived"}))
          @QueryParam("status")
          String status,
      @Parameter(schema = @Schema(type = "integer", defaultValue = "50", maximum = "100"))
          @QueryParam("limit")
          String limit,
      @Parameter(
              description = "only rooms whose last activity is strictly before this time",
              schema = @Schema(type = "string", format = "date-time"))
          @QueryParam("before")
          String before,
      @Parameter(description = "staff only: whose rooms") @QueryParam("participant")
          String participant) {
    Caller caller = AuthFilter.CallerContext.of(security);
    Optional<RoomStatus> wanted =
        Optional.ofNullable(status)
            .map(
                s ->
                    RoomStatus.fromWire(s)
                        .orElseThrow(
                            () ->
                                new InvalidRequestException(
                                    "status is active, closed or archived")));
    int max = Replies.integer(limit, 50, "limit");
    ListRoomsCommand command =
        new ListRoomsCommand(
            caller,
            Optional.ofNullable(participant)
                .map(p -> Replies.fieldId(p, UserId::of, "participant")),
            wanted,
            max,
            Replies.time(before, "before"));
    return Replies.ok(Replies.call(() -> chat.listRooms(command)), mapper::rooms);
  }

  @GET
  @Path("{room_id}")
  @Operation(summary = "A room, for its participants and staff")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = RoomView.class)))
  public CompletionStage<Response> get(
      @Context SecurityContext security, @PathParam("room_id") String roomId) {
    Caller caller = AuthFilter.CallerContext.of(security);
    RoomId room = Replies.pathId(roomId, RoomId::of, "room");
    return Replies.ok(Replies.call(() -> chat.getRoom(caller, room)), mapper::room);
  }

  @POST
  @Path("{room_id}/join")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Adds a participant: staff anyone, a user self where the room allows")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = RoomView.class)))
  public CompletionStage<Response> join(
      @Context SecurityContext security,
      @PathParam("room_id") String roomId,
      @Valid Requests.JoinRoom body) {
    Caller caller = AuthFilter.CallerContext.of(security);
    RoomId room = Replies.pathId(roomId, RoomId::of, "room");
    UserId user =
        body == null || body.userId() == null
            ? caller.user()
            : Replies.fieldId(body.userId(), UserId::of, "user_id");
    Optional<ParticipantRole> role =
        Optional.ofNullable(body == null ? null : body.role()).map(ChatResource::role);
    return Replies.ok(
        Replies.call(() -> chat.joinRoom(new JoinRoomCommand(caller, room, user, role))),
        mapper::room);
  }

  @POST
  @Path("{room_id}/close")
  @Operation(
      summary = "Closes an active room (staff, or its creator); room_closed goes to its channel")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = RoomView.class)))
  @ApiResponse(responseCode = "409", description = "the room is not active")
  public CompletionStage<Response> close(
      @Context SecurityContext security, @PathParam("room_id") String roomId) {
    Caller caller = AuthFilter.CallerContext.of(security);
    RoomId room = Replies.pathId(roomId, RoomId::of, "room");
    return Replies.ok(Replies.call(() -> chat.closeRoom(caller, room)), mapper::room);
  }

  @POST
  @Path("{room_id}/archive")
  @Operation(summary = "Archives an active or closed room (staff)")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = RoomView.class)))
  public CompletionStage<Response> archive(
      @Context SecurityContext security, @PathParam("room_id") String roomId) {
    Caller caller = AuthFilter.CallerContext.of(security);
    RoomId room = Replies.pathId(roomId, RoomId::of, "room");
    return Replies.ok(Replies.call(() -> chat.archiveRoom(caller, room)), mapper::room);
  }

  @POST
  @Path("{room_id}/leave")
  @Operation(summary = "Takes the caller out of the room and of its channel on every node")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = RoomView.class)))
  public CompletionStage<Response> leave(
      @Context SecurityContext security, @PathParam("room_id") String roomId) {
    Caller caller = AuthFilter.CallerContext.of(security);
    RoomId room = Replies.pathId(roomId, RoomId::of, "room");
    return Replies.ok(Replies.call(() -> chat.leaveRoom(caller, room)), mapper::room);
  }

  @GET
  @Path("{room_id}/messages")
  @Operation(summary = "A page of the room's history, newest first")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = HistoryView.class)))
  public CompletionStage<Response> history(
      @Context SecurityContext security,
      @PathParam("room_id") String roomId,
      @Parameter(schema = @Schema(type = "integer", defaultValue = "1")) @QueryParam("page")
          String page,
      @Parameter(schema = @Schema(type = "integer", defaultValue = "50")) @QueryParam("limit")
          String limit,
      @Parameter(schema = @Schema(type = "string", format = "date-time")) @QueryParam("before")
          String before) {
    Caller caller = AuthFilter.CallerContext.of(security);
    RoomId room = Replies.pathId(roomId, RoomId::of, "room");
    HistoryCommand command =
        new HistoryCommand(
            caller,
            room,
            Replies.integer(page, 1, "page"),
            Replies.integer(limit, 50, "limit"),
            Replies.time(before, "before"));
    return Replies.ok(Replies.call(() -> chat.history(command)), mapper::history);
  }

  @POST
  @Path("{room_id}/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Posts a message to the room; delivered live to its sockets")
  @ApiResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = MessageView.class)))
  public CompletionStage<Response> send(
      @Context SecurityContext security,
      @PathParam("room_id") String roomId,
      @NotNull @Valid Requests.SendMessage body) {
    Caller caller = AuthFilter.CallerContext.of(security);
    RoomId room = Replies.pathId(roomId, RoomId::of, "room");
    SendMessageCommand command =
        new SendMessageCommand(
            caller,
            ChannelName.chat(room).toString(),
            body.message(),
            body.type(),
            objectOrEmpty(body.metadata()),
            Optional.ofNullable(body.clientMsgId()));
    return Replies.reply(
        Replies.call(() -> messaging.sendMessage(command)),
        message ->
            Response.status(Response.Status.CREATED)
                .entity(mapper.message(message))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build());
  }

  private static ParticipantRole role(String wire) {
    return ParticipantRole.fromWire(wire)
        .orElseThrow(
            () -> new InvalidRequestException("role is customer, vendor, support_agent or admin"));
  }
}
