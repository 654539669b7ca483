package bd.com.getit.realtime.bench.jmh;

import bd.com.getit.realtime.adapter.websocket.socketio.MalformedPacketException;
import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoCodec;
import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoPacket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Socket.IO packet decode (what every client event costs) and event encode (once per fanout). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {

  private static final String JOIN =
      "2/realtime,12[\"join_channel\",{\"channels\":[\"product:123\",\"auction:77\"]}]";
  private static final String SEND =
      "2/realtime,13[\"send_message\",{\"channel\":\"chat:room-1\",\"message\":\"hello there, is"
          + " the blue one still in stock?\",\"type\":\"text\",\"metadata\":{}}]";
  private static final String ENVELOPE =
      "{\"id\":\"0b6a3c52-9f1e-4a57-8f43-3c1d3e7e2a10\",\"event\":\"product_price_change\","
          + "\"channel\":\"product:123\",\"data\":{\"product_id\":\"123\",\"old_price\":1250,"
          + "\"new_price\":1199,\"currency\":\"BDT\"},\"timestamp\":\"2026-11-27T07:00:00Z\","
          + "\"priority\":\"high\"}";

  @Benchmark
  public SocketIoPacket decodeJoinChannel() throws MalformedPacketException {
    return SocketIoCodec.decode(JOIN, 10);
  }

  @Benchmark
  public SocketIoPacket decodeSendMessage() throws MalformedPacketException {
    return SocketIoCodec.decode(SEND, 10);
  }

  @Benchmark
  public String encodeDomainEvent() {
    return SocketIoCodec.encodeEvent(
        "/realtime", "product_price_change", ENVELOPE, "1732690800000-0");
  }
}
