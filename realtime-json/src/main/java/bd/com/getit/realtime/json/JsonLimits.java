package bd.com.getit.realtime.json;

/**
 * The bounds every JSON input is read within, whichever adapter it came through, so that a payload
 * one interface accepts is never refused by another (or by the store it is kept in). They bound the
 * work and memory of one conversion and the recursion of everything that later walks the value (the
 * core, the JSON writer); byte limits stay with the transports.
 *
 * @param maxDepth containers nested in one another; the outermost is depth 1
 * @param maxValues values in one input, containers and {@code null}s included
 * @param maxEntries members of one object, or elements of one array
 * @param maxStringLength UTF-16 chars of one string or member name
 * @param maxNumberLength characters of a number as written, significant digits of its value, and
 *     the size of its exponent (so {@code 1e999999999} is refused, not expanded)
 */
public record JsonLimits(
    int maxDepth, int maxValues, int maxEntries, int maxStringLength, int maxNumberLength) {

  /**
   * The limits of the wire contract (PROTOCOL section 4: lists and maps of at most 1,000 entries;
   * the nesting and value counts the gateway always enforced). No string is refused that fits in a
   * payload the transports accept (1,000,000 bytes).
   */
  public static final JsonLimits DEFAULT = new JsonLimits(32, 100_000, 1_000, 1_000_000, 1_000);

  public JsonLimits {
    positive(maxDepth, "maxDepth");
    positive(maxValues, "maxValues");
    positive(maxEntries, "maxEntries");
    positive(maxStringLength, "maxStringLength");
    positive(maxNumberLength, "maxNumberLength");
  }

  private static void positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
