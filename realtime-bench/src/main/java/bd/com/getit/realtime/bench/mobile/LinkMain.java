package bd.com.getit.realtime.bench.mobile;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The link simulator on its own, for clients in other processes (the official Node client in {@code
 * reliability/outage.mjs}): {@code link --port <p> --target <host:port> --profile 2g}. It reads
 * commands from standard input, {@code outage <seconds>}, and prints {@code down <epoch ms>} and
 * {@code up <epoch ms>} for each, the wall clock being what the other process can compare with.
 */
public final class LinkMain {

  private LinkMain() {}

  public static void main(String[] args) throws Exception {
    int port = 0;
    String target = null;
    String profile = "2g";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--target" -> target = args[i + 1];
        case "--profile" -> profile = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (target == null || !target.contains(":")) {
      throw new IllegalArgumentException("--target <host:port> is required");
    }
    int colon = target.lastIndexOf(':');
    InetSocketAddress address =
        new InetSocketAddress(
            target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
    try (LinkSimulator link =
        new LinkSimulator(port, address, LinkSimulator.Profile.named(profile))) {
      System.out.println("listening " + link.port() + " " + profile);
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        String[] words = line.trim().split("\\s+");
        if (words.length == 2 && words[0].equals("outage")) {
          long millis = Math.round(Double.parseDouble(words[1]) * 1000);
          long down = System.currentTimeMillis();
          link.outage(Duration.ofMillis(millis));
          System.out.println("down " + down);
          System.out.flush();
          Thread.sleep(Math.max(0, down + millis - System.currentTimeMillis()));
          System.out.println("up " + System.currentTimeMillis());
          System.out.flush();
        } else if (words[0].equals("quit")) {
          return;
        }
      }
    }
  }
}
