package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.adapter.rest.Views.AnnouncementListView;
import bd.com.getit.realtime.port.in.AnnouncementUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/** The announcements still shown, for anyone: a shop page shows them before anyone signs in. */
@Path("/announcements")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public final class AnnouncementResource {
  private final AnnouncementUseCase announcements;
  private final RestMapper mapper;

  AnnouncementResource(AnnouncementUseCase announcements, RestMapper mapper) {
    this.announcements = announcements;
    this.mapper = mapper;
  }

  @GET
  @Operation(summary = "The active announcements, oldest first (anyone)")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = AnnouncementListView.class)))
  public CompletionStage<Response> active() {
    return Replies.ok(Replies.call(announcements::active), mapper::announcements);
  }
}
