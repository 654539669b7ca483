package bd.com.getit.realtime.bench;

import bd.com.getit.realtime.bench.measure.ProcStats;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Locale;

/**
 * The floor under a delivered message on this machine, in CPU time measured like the servers' (from
 * /proc): one system call (a one-byte write to /dev/null), and one message of a typical fanout
 * frame's size through loopback TCP (written by one thread with its own write call, read by
 * another), both sides' CPU included. A server cannot deliver a message for less than the second.
 */
final class Floor {

  private static final int FRAME = 200; // bytes: a domain event frame as the fanout sends it

  private Floor() {}

  static void main(String[] args) throws Exception {
    int syscalls = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    int messages = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
    syscall(syscalls / 10); // warm-up
    double syscall = syscall(syscalls);
    loopback(messages / 10);
    double[] tcp = loopback(messages);
    System.out.printf(Locale.ROOT, "syscall_cpu_us        %.3f  (write(2) of 1 byte)%n", syscall);
    System.out.printf(
        Locale.ROOT,
        "loopback_msg_cpu_us   %.3f  (%d-byte message, writer + reader)%n",
        tcp[0],
        FRAME);
    System.out.printf(Locale.ROOT, "loopback_msg_wall_us  %.3f%n", tcp[1]);
  }

  /** CPU microseconds per one-byte write to /dev/null. */
  private static double syscall(int n) throws IOException {
    ProcStats self = ProcStats.self();
    try (FileOutputStream devNull = new FileOutputStream("/dev/null")) {
      long cpu0 = self.cpuNanos();
      for (int i = 0; i < n; i++) {
        devNull.write(i);
      }
      return (self.cpuNanos() - cpu0) / 1000.0 / n;
    }
  }

  /** CPU and wall microseconds per message sent through loopback TCP and read on the other end. */
  private static double[] loopback(int n) throws Exception {
    ProcStats self = ProcStats.self();
    try (ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress("127.0.0.1", 0));
      try (SocketChannel writer = SocketChannel.open(server.getLocalAddress());
          SocketChannel reader = server.accept()) {
        writer.setOption(StandardSocketOptions.TCP_NODELAY, true);
        long total = (long) n * FRAME;
        Thread readThread =
            new Thread(
                () -> {
                  ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
                  long got = 0;
                  try {
                    while (got < total) {
                      in.clear();
                      int r = reader.read(in);
                      if (r < 0) {
                        return;
                      }
                      got += r;
                    }
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                });
        ByteBuffer frame = ByteBuffer.allocateDirect(FRAME);
        long cpu0 = self.cpuNanos();
        long t0 = System.nanoTime();
        readThread.start();
        for (int i = 0; i < n; i++) {
          frame.clear();
          while (frame.hasRemaining()) {
            writer.write(frame);
          }
        }
        readThread.join();
        long wall = System.nanoTime() - t0;
        return new double[] {(self.cpuNanos() - cpu0) / 1000.0 / n, wall / 1000.0 / n};
      }
    }
  }
}
