package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.cluster.BusRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.StreamEntryID;

/**
 * The newest bus entries this node's reader has read, decoded, in stream order and without gaps:
 * what a recovering client asks for ({@code since}) is nearly always here. Reading it from Redis
 * instead meant one range read and one decode of every entry since the client's offset per client;
 * when a node dies and its clients all recover on the other nodes at once, that was tens of
 * milliseconds of CPU per client (the stream then also holds every presence change of the storm).
 * Bounded to {@code capacity} entries, oldest dropped first. Thread-safe.
 */
final class RecentBusRecords {

  /** The decoded records after an offset, and the id of the newest entry read so far. */
  record Slice(List<BusRecord> records, StreamEntryID newest) {}

  private final StreamEntryID[] ids;
  private final BusRecord[] records; // null where an entry could not be decoded
  private int start; // index of the oldest entry
  private int size;

  RecentBusRecords(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity >= 1");
    }
    ids = new StreamEntryID[capacity];
    records = new BusRecord[capacity];
  }

  /**
   * Appends the entry the reader read next; {@code record} is null for an entry that could not be
   * decoded (kept, so that the entries stay without gaps). An id not after the newest is ignored.
   */
  synchronized void add(StreamEntryID id, BusRecord record) {
    if (size > 0 && id.compareTo(ids[index(size - 1)]) <= 0) {
      return;
    }
    if (size == ids.length) {
      start = (start + 1) % ids.length;
      size--;
    }
    int at = index(size);
    ids[at] = id;
    records[at] = record;
    size++;
  }

  /**
   * The records after the entry {@code after}, when that entry is held (so nothing between it and
   * the newest entry read is missing); empty when it is not (older, or never read here).
   */
  synchronized Optional<Slice> after(StreamEntryID after) {
    int found = find(after);
    if (found < 0) {
      return Optional.empty();
    }
    List<BusRecord> out = new ArrayList<>(size - found - 1);
    for (int i = found + 1; i < size; i++) {
      BusRecord r = records[index(i)];
      if (r != null) {
        out.add(r);
      }
    }
    return Optional.of(new Slice(out, ids[index(size - 1)]));
  }

  synchronized int size() {
    return size;
  }

  /** The position (0 = oldest) of {@code id}, or -1; ids are in order, so a binary search. */
  private int find(StreamEntryID id) {
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = ids[index(mid)].compareTo(id);
      if (c == 0) {
        return mid;
      } else if (c < 0) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return -1;
  }

  private int index(int position) {
    return (start + position) % ids.length;
  }
}
