package bd.com.getit.realtime.port.out;

/**
 * Makes unique ids for events, messages, rooms, notifications and recovery sessions: URL-safe, at
 * most 64 characters, unique across the cluster. Thread-safe, non-blocking.
 */
@FunctionalInterface
public interface IdGenerator {
  String next();
}
