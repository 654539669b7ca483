package bd.com.getit.realtime.adapter.websocket.engineio;

import jakarta.websocket.Extension;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.glassfish.tyrus.core.extension.ExtendedExtension;
import org.glassfish.tyrus.core.frame.Frame;

/**
 * The permessage-deflate extension (RFC 7692) of one websocket connection, in the one configuration
 * this server negotiates: no context takeover in either direction, 15-bit windows.
 *
 * <p>Why not Tyrus's own deflate extension: Tyrus compresses in {@code processOutgoing}, once per
 * frame and per connection, on the frames it builds itself; this server writes frames it built once
 * for a whole fanout straight to the connection ({@link TyrusRawFrames}), which Tyrus's extensions
 * never see. So the outgoing side is done by the writer ({@link WebSocketFrames}, with the
 * compressed frame cached on the {@link PreparedMessage}), and this extension only negotiates and
 * inflates what clients send. {@code server_no_context_takeover} is what makes one compressed frame
 * valid for every socket; {@code client_no_context_takeover} lets inflation of whole frames use one
 * inflater per thread instead of one per socket. Tyrus's own frames (close, pong) pass
 * uncompressed, which the RFC allows for any message.
 *
 * <p>Inflation is bounded: a frame that inflates past {@code maxPayload} (a decompression bomb) is
 * not inflated further; it is handed on with RSV1 still set, which Tyrus refuses as a protocol
 * error and closes the connection (1002). Runs on the thread that reads the connection.
 */
final class PerMessageDeflate implements ExtendedExtension {

  static final String NAME = DeflateNegotiation.NAME;

  private static final System.Logger LOG = System.getLogger(PerMessageDeflate.class.getName());
  private static final String SERVER_NO_CONTEXT = DeflateNegotiation.SERVER_NO_CONTEXT;

  /** Context keys: the inflater of a fragmented compressed message, and its inflated size. */
  private static final String FRAGMENT_INFLATER = PerMessageDeflate.class.getName() + ".inflater";

  private static final String FRAGMENT_SIZE = PerMessageDeflate.class.getName() + ".size";

  private final List<Parameter> offer;
  private final List<Parameter> response;
  private final int maxPayload;

  private PerMessageDeflate(List<Parameter> offer, List<Parameter> response, int maxPayload) {
    this.offer = offer;
    this.response = response;
    this.maxPayload = maxPayload;
  }

  /**
   * The extension for the first acceptable permessage-deflate offer among {@code requested}, or
   * empty when there is none (the connection then runs uncompressed); decided by {@link
   * DeflateNegotiation}, as on this adapter's own websocket layer.
   */
  static Optional<PerMessageDeflate> negotiate(List<Extension> requested, int maxPayload) {
    if (requested == null) {
      return Optional.empty();
    }
    for (Extension extension : requested) {
      if (!NAME.equals(extension.getName())) {
        continue;
      }
      List<DeflateNegotiation.Param> params = new ArrayList<>();
      for (Parameter parameter : extension.getParameters()) {
        params.add(new DeflateNegotiation.Param(parameter.getName(), parameter.getValue()));
      }
      Optional<DeflateNegotiation.Agreement> agreement =
          DeflateNegotiation.negotiate(List.of(new DeflateNegotiation.Offer(NAME, params)));
      if (agreement.isPresent()) {
        List<Parameter> response = new ArrayList<>();
        for (DeflateNegotiation.Param param : agreement.get().response()) {
          response.add(param(param.name(), param.value()));
        }
        return Optional.of(
            new PerMessageDeflate(extension.getParameters(), List.copyOf(response), maxPayload));
      }
    }
    return Optional.empty();
  }

  private static Parameter param(String name, String value) {
    return new Parameter() {
      @Override
      public String getName() {
        return name;
      }

      @Override
      public String getValue() {
        return value;
      }
    };
  }

  /** Whether a Tyrus session negotiated this extension. */
  static boolean negotiatedBy(jakarta.websocket.Session ws) {
    return negotiated(ws) != null;
  }

  /**
   * Whether the server may compress with context takeover on {@code ws}: permessage-deflate was
   * negotiated and the client did not ask for {@code server_no_context_takeover}.
   */
  static boolean contextTakeoverAllowed(jakarta.websocket.Session ws) {
    Extension extension = negotiated(ws);
    if (extension == null) {
      return false;
    }
    for (Parameter parameter : extension.getParameters()) {
      if (SERVER_NO_CONTEXT.equals(parameter.getName())) {
        return false;
      }
    }
    return true;
  }

  private static Extension negotiated(jakarta.websocket.Session ws) {
    for (Extension extension : ws.getNegotiatedExtensions()) {
      if (NAME.equals(extension.getName())) {
        return extension;
      }
    }
    return null;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public List<Parameter> getParameters() {
    return offer;
  }

  @Override
  public List<Parameter> onExtensionNegotiation(
      ExtensionContext context, List<Parameter> requestedParameters) {
    return response;
  }

  @Override
  public void onHandshakeResponse(ExtensionContext context, List<Parameter> responseParameters) {
    // server side only
  }

  @Override
  public Frame processIncoming(ExtensionContext context, Frame frame) {
    if (frame.isControlFrame()) {
      return frame;
    }
    Map<String, Object> state = context.getProperties();
    boolean continuation = frame.getOpcode() == 0;
    Inflater fragmented = (Inflater) state.get(FRAGMENT_INFLATER);
    if (continuation ? fragmented == null || frame.isRsv1() : !frame.isRsv1()) {
      return frame; // uncompressed; RSV1 on a continuation is Tyrus's to refuse
    }
    byte[] payload = frame.getPayloadData();
    byte[] inflated;
    try {
      if (!continuation && frame.isFin()) {
        inflated = Deflate.decompress(payload, maxPayload);
      } else {
        if (fragmented == null) {
          fragmented = new Inflater(true);
          state.put(FRAGMENT_INFLATER, fragmented);
          state.put(FRAGMENT_SIZE, 0L);
        }
        long before = (Long) state.get(FRAGMENT_SIZE);
        inflated = Deflate.inflate(fragmented, payload, frame.isFin(), (int) (maxPayload - before));
        state.put(FRAGMENT_SIZE, before + inflated.length);
        if (frame.isFin()) {
          endFragments(state);
        }
      }
    } catch (DataFormatException | RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "refusing a compressed frame: " + e.getMessage());
      endFragments(state);
      // RSV1 left set: Tyrus refuses the frame as a protocol error and closes the connection
      return Frame.builder(frame).rsv1(true).payloadData(new byte[0]).payloadLength(0).build();
    }
    return Frame.builder(frame)
        .rsv1(false)
        .payloadData(inflated)
        .payloadLength(inflated.length)
        .build();
  }

  private static void endFragments(Map<String, Object> state) {
    Object inflater = state.remove(FRAGMENT_INFLATER);
    state.remove(FRAGMENT_SIZE);
    if (inflater instanceof Inflater open) {
      open.end();
    }
  }

  @Override
  public Frame processOutgoing(ExtensionContext context, Frame frame) {
    return frame; // Tyrus's own frames go uncompressed; the writer compresses its raw frames
  }

  @Override
  public void destroy(ExtensionContext context) {
    endFragments(context.getProperties());
  }
}
