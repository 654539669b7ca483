package bd.com.getit.realtime.adapter.websocket.engineio;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.attributes.AttributeHolder;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.Protocol;

/**
 * Lets Grizzly forget the HTTP request of an accepted websocket upgrade. Grizzly's HTTP codec keeps
 * that request (its parsed headers, buffers and about 130 chunk objects, 6 KiB) as the connection's
 * request "in progress" for as long as the websocket lives, only to wrap each later read into an
 * {@code HttpContent} for Tyrus. This filter sits just ahead of the codec: once the upgrade has
 * been answered with 101, the request is dropped from the connection, and the frames that follow
 * are wrapped here (with one header shared by every websocket) and skip the codec.
 *
 * <p>Runs on the selector thread that reads the connection; keeps nothing per connection but a
 * flag.
 */
final class UpgradedFrames extends BaseFilter {

  private static final System.Logger LOG = System.getLogger(UpgradedFrames.class.getName());

  /** Set on a connection whose websocket upgrade was accepted and whose request was released. */
  private static final Attribute<Boolean> UPGRADED =
      Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(UpgradedFrames.class.getName());

  /** What Grizzly's codec keeps on the connection besides the request: its keep-alive state. */
  private static final String KEEP_ALIVE_ATTRIBUTE = "HttpServerFilter.KeepAliveContext";

  /**
   * The header of every frame after the upgrade. Tyrus looks at the header only while it has no
   * websocket for the connection (its handshake); then it takes the content and recycles the
   * wrapper. Not an upgrade, so a stray read after Tyrus let go of the connection is ignored.
   */
  private static final HttpHeader FRAMES =
      HttpRequestPacket.builder().method(Method.GET).uri("/").protocol(Protocol.HTTP_1_1).build();

  private static final int SWITCHING_PROTOCOLS = 101;

  private static volatile boolean warned;

  private final Consumer<Connection<?>> upgraded;

  /**
   * @param upgraded told of each connection whose upgrade Tyrus accepted
   */
  UpgradedFrames(Consumer<Connection<?>> upgraded) {
    this.upgraded = Objects.requireNonNull(upgraded, "upgraded");
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    if (!isUpgraded(ctx.getConnection()) || !(ctx.getMessage() instanceof Buffer frames)) {
      return ctx.getInvokeAction();
    }
    ctx.setMessage(HttpContent.create(FRAMES, false, frames));
    // the codec is the next filter (checked when the request was released): step over it
    ctx.setFilterIdx(ctx.getFilterIdx() + 1);
    return ctx.getInvokeAction();
  }

  /**
   * Called by {@link UpgradeGuard} on a websocket upgrade it let through: once the chain is done
   * with that read, releases the request if Tyrus accepted the upgrade.
   */
  void releaseAfterUpgrade(FilterChainContext ctx, HttpRequestPacket request) {
    ctx.addCompletionListener(
        done -> release(done.getFilterChain(), done.getConnection(), request));
  }

  private void release(FilterChain chain, Connection<?> connection, HttpRequestPacket request) {
    if (request.getResponse().getStatus() != SWITCHING_PROTOCOLS || !connection.isOpen()) {
      return;
    }
    upgraded.accept(connection);
    int at = chain.indexOf(this);
    if (at < 0 || at + 1 >= chain.size() || !(chain.get(at + 1) instanceof HttpServerFilter)) {
      if (!warned) {
        warned = true;
        LOG.log(
            System.Logger.Level.WARNING,
            "Grizzly's HTTP codec is not right after the upgrade filter: upgrade requests are kept");
      }
      return;
    }
    AttributeHolder attributes = connection.getAttributes();
    attributes.removeAttribute(HttpServerFilter.HTTP_SERVER_REQUEST_ATTR_NAME);
    attributes.removeAttribute(KEEP_ALIVE_ATTRIBUTE);
    UPGRADED.set(connection, Boolean.TRUE);
  }

  /** Whether {@code connection}'s upgrade request was released (its frames bypass the codec). */
  static boolean isUpgraded(Connection<?> connection) {
    return UPGRADED.isSet(connection);
  }

  /** Marks {@code connection} as upgraded, as a released upgrade does: for tests of the chain. */
  static void markUpgraded(Connection<?> connection) {
    UPGRADED.set(connection, Boolean.TRUE);
  }
}
