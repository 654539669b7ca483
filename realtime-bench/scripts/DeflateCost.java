import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * What permessage-deflate costs the server per event, as the writer compresses (raw DEFLATE,
 * default level, sync flush, one message at a time): the CPU time of one compression of events of
 * 200 B, 800 B (Bangla), 2 KiB and 8 KiB, and the size they shrink to. A fanout compresses an event
 * once whatever the number of subscribers (the compressed frame is shared), so a fanout to 5,000
 * sockets pays this once, and each socket then writes the smaller frame. Also the per-socket cost
 * of context-takeover compression on a slow link (one deflater per socket, every event).
 *
 * <p>Usage: {@code java realtime-bench/scripts/DeflateCost.java}
 */
public class DeflateCost {

  public static void main(String[] args) {
    String bangla = "আপনার অর্ডার পাঠানো হয়েছে, আগামীকাল পৌঁছাবে। ধন্যবাদ গেটইট থেকে কেনাকাটার জন্য। ";
    String price =
        "42/realtime,[\"product_price_change\",{\"id\":\"evt-%d\",\"event\":\"product_price_change\","
            + "\"channel\":\"product:48213\",\"data\":{\"product_id\":\"48213\",\"old_price\":1299.00,"
            + "\"new_price\":%d.00,\"currency\":\"BDT\"},\"timestamp\":\"2026-12-07T15:00:00Z\","
            + "\"priority\":\"low\"},\"1733583600000-%d\"]";
    System.out.println("| event | bytes | compressed on its own | µs per compression | with context (next event) | µs per compression |");
    System.out.println("|---|---|---|---|---|---|");
    row("price update", i -> String.format(price, i, 1200 + i % 90, i));
    row("notification (Bangla)", i -> "42/realtime,[\"notification\",{\"seq\":" + i + ",\"title_bn\":\"" + bangla.repeat(3) + "\"}]");
    row("order list 2 KiB", i -> "42/realtime,[\"order_status_update\",{\"seq\":" + i + ",\"items\":\"" + "sku-4821 qty 2 price 1299.00 BDT; ".repeat(58) + "\"}]");
    row("catalogue 8 KiB", i -> "42/realtime,[\"new_product_added\",{\"seq\":" + i + ",\"text\":\"" + (bangla + "price 1299.00 BDT ").repeat(40) + "\"}]");
  }

  interface Event {
    String text(int i);
  }

  private static void row(String name, Event event) {
    Deflater shared = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    Deflater context = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    byte[][] inputs = new byte[2000][];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = event.text(i).getBytes(StandardCharsets.UTF_8);
    }
    long sharedBytes = 0;
    long contextBytes = 0;
    long sharedNanos = 0;
    long contextNanos = 0;
    for (int round = 0; round < 6; round++) { // the first rounds warm the JIT up
      sharedBytes = 0;
      contextBytes = 0;
      long start = System.nanoTime();
      for (byte[] input : inputs) {
        shared.reset();
        sharedBytes += compress(shared, input);
      }
      sharedNanos = System.nanoTime() - start;
      start = System.nanoTime();
      for (byte[] input : inputs) {
        contextBytes += compress(context, input);
      }
      contextNanos = System.nanoTime() - start;
      context.reset();
    }
    System.out.printf(
        "| %s | %d | %d | %.1f | %d | %.1f |%n",
        name,
        inputs[1].length,
        sharedBytes / inputs.length,
        sharedNanos / 1000.0 / inputs.length,
        contextBytes / inputs.length,
        contextNanos / 1000.0 / inputs.length);
  }

  private static int compress(Deflater deflater, byte[] input) {
    deflater.setInput(input);
    byte[] out = new byte[input.length + 64];
    int written = 0;
    while (true) {
      written += deflater.deflate(out, written, out.length - written, Deflater.SYNC_FLUSH);
      if (written < out.length) {
        break;
      }
      out = Arrays.copyOf(out, out.length * 2);
    }
    return written - 4;
  }
}
