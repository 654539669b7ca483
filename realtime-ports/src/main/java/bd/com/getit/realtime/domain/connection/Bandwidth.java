package bd.com.getit.realtime.domain.connection;

import java.util.Optional;

/** The client's network class, as reported by {@code network_info}. */
public enum Bandwidth {
  G2("2g"),
  G3("3g"),
  G4("4g"),
  WIFI("wifi");

  private final String wireName;

  Bandwidth(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** 2G and 3G links get batched, compressed delivery with {@code low} events shed. */
  public boolean slow() {
    return this == G2 || this == G3;
  }

  public static Optional<Bandwidth> fromWire(String name) {
    for (Bandwidth b : values()) {
      if (b.wireName.equals(name)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }
}
