package bd.com.getit.realtime.bench.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One selector thread serving many {@link SioConnection}s. Everything a connection does runs on its
 * loop's thread; other threads hand work over with {@link #execute}.
 */
public final class ClientLoop implements AutoCloseable {

  private final Selector selector;
  private final Thread thread;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean wakeupPending = new AtomicBoolean();
  private volatile boolean running = true;

  /** Shared by the connections of this loop: reads land here and are parsed at once. */
  final ByteBuffer readBuffer = ByteBuffer.allocate(256 * 1024);

  public ClientLoop(String name) {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  Selector selector() {
    return selector;
  }

  boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Runs {@code task} on this loop's thread, soon. */
  public void execute(Runnable task) {
    tasks.add(task);
    if (wakeupPending.compareAndSet(false, true)) {
      selector.wakeup();
    }
  }

  private void run() {
    while (running) {
      try {
        wakeupPending.set(false);
        runTasks();
        selector.select(1000);
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          ((SioConnection) key.attachment()).ready(key);
        }
      } catch (ClosedSelectorException e) {
        return; // closed while a select was under way
      } catch (IOException | RuntimeException e) {
        // A loop that dies would silently stall thousands of sockets: report and keep going.
        System.err.println(thread.getName() + ": " + e);
      }
    }
  }

  private void runTasks() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      try {
        task.run();
      } catch (RuntimeException e) {
        System.err.println(thread.getName() + " task: " + e);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      thread.join(2000);
      for (SelectionKey key : selector.keys()) {
        key.channel().close();
      }
      selector.close();
    } catch (IOException e) {
      // closing anyway
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
