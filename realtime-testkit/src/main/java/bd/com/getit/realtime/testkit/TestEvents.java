package bd.com.getit.realtime.testkit;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.cluster.ClusterMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Domain events for tests with sensible defaults: {@code TestEvents.event().name("bid").build()}.
 * Unless told otherwise an event has a fresh id {@code evt-<n>}, the name {@code price_update}, the
 * channel {@link TestChannels#product()}, empty data, the time {@link MutableClock#DEFAULT_START},
 * {@code medium} priority, no TTL, no recipients, and is not persisted.
 */
public final class TestEvents {
  private static final AtomicLong COUNTER = new AtomicLong();

  private TestEvents() {}

  /** A builder with the defaults. */
  public static Builder event() {
    return new Builder();
  }

  /** An event with the defaults and the given id. */
  public static Event withId(String id) {
    return event().id(id).build();
  }

  /** An event with the defaults and the given id, as the cluster bus carries it. */
  public static ClusterMessage.PublishedEvent published(String id) {
    return new ClusterMessage.PublishedEvent(withId(id));
  }

  /** Builds one {@link Event}; each setter replaces one default. Not thread-safe. */
  public static final class Builder {
    private EventId id = EventId.of("evt-" + COUNTER.incrementAndGet());
    private String name = "price_update";
    private ChannelName channel = TestChannels.product();
    private JsonObject data = JsonObject.EMPTY;
    private Instant timestamp = MutableClock.DEFAULT_START;
    private Priority priority = Priority.MEDIUM;
    private Duration ttl = Duration.ZERO;
    private final List<ChannelName> recipients = new ArrayList<>();
    private boolean persist;

    private Builder() {}

    public Builder id(String value) {
      this.id = EventId.of(value);
      return this;
    }

    public Builder name(String value) {
      this.name = Objects.requireNonNull(value, "name");
      return this;
    }

    public Builder channel(ChannelName value) {
      this.channel = Objects.requireNonNull(value, "channel");
      return this;
    }

    public Builder data(JsonObject value) {
      this.data = Objects.requireNonNull(value, "data");
      return this;
    }

    /** Sets one string field of the data. */
    public Builder data(String field, String value) {
      this.data = JsonObject.builder().put(field, value).build();
      return this;
    }

    public Builder at(Instant value) {
      this.timestamp = Objects.requireNonNull(value, "timestamp");
      return this;
    }

    public Builder priority(Priority value) {
      this.priority = Objects.requireNonNull(value, "priority");
      return this;
    }

    public Builder ttl(Duration value) {
      this.ttl = Objects.requireNonNull(value, "ttl");
      return this;
    }

    public Builder recipients(ChannelName... values) {
      recipients.addAll(List.of(values));
      return this;
    }

    public Builder persist(boolean value) {
      this.persist = value;
      return this;
    }

    public Event build() {
      return new Event(id, name, channel, data, timestamp, priority, ttl, recipients, persist);
    }
  }
}
