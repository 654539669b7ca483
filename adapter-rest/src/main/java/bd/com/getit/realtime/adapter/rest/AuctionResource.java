package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.adapter.rest.Views.AcceptedView;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.port.in.AuctionUseCase;
import bd.com.getit.realtime.port.in.AuctionUseCase.CloseAuctionCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /auctions/{auction_id}/close}: the command that ends bidding (PROTOCOL section 10.1:
 * an {@code auction_closed} event published on {@code POST /events} is only delivered).
 */
@Path("/auctions")
@Produces(MediaType.APPLICATION_JSON)
public final class AuctionResource {
  private final AuctionUseCase auctions;

  AuctionResource(AuctionUseCase auctions) {
    this.auctions = auctions;
  }

  @POST
  @Path("{auction_id}/close")
  @Operation(
      summary =
          "Closes bidding (service, admin), then publishes auction_closed on auction:{auction_id}")
  @ApiResponse(
      responseCode = "202",
      content = @Content(schema = @Schema(implementation = AcceptedView.class)))
  public CompletionStage<Response> close(
      @Context SecurityContext security, @PathParam("auction_id") String auctionId) {
    Caller caller = AuthFilter.CallerContext.of(security);
    return Replies.reply(
        Replies.call(() -> auctions.closeAuction(new CloseAuctionCommand(caller, auctionId))),
        id ->
            Response.accepted(new AcceptedView(id.value()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build());
  }
}
