package bd.com.getit.realtime.core.presence;

import bd.com.getit.realtime.domain.presence.Location;
import bd.com.getit.realtime.domain.presence.Place;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves the free text of a {@link Location} to a canonical {@link Place}: the divisions and
 * districts of Bangladesh, with their English and Bangla names and common variants, read from the
 * resource {@value #RESOURCE} (data, so a spelling is added without touching code). Text is
 * compared folded: Unicode NFKC (so a Bangla letter typed precomposed or as letter plus nukta is
 * one letter), lower case, without spaces, dots, hyphens, apostrophes and zero-width joiners (which
 * Bangla keyboards insert), and without a trailing "division", "district", "বিভাগ" or "জেলা". A
 * known district gives its division too (whatever division the text named); otherwise a known
 * division; a bare division text that names a district gives that district; anything else is {@link
 * Place#OTHER}. Immutable and thread-safe.
 */
public final class Gazetteer {

  /** The resource, next to this class, that holds the places of Bangladesh. */
  public static final String RESOURCE = "bangladesh-places.txt";

  private static final Pattern IGNORED = Pattern.compile("[\\s.\\-'’‘`\u200b-\u200d]+");
  private static final List<String> SUFFIXES =
      List.of("division", "district", "zila", "zilla", "বিভাগ", "জেলা");

  private final List<PlaceName> places;
  private final Map<String, PlaceName> divisions = new HashMap<>();
  private final Map<String, PlaceName> districts = new HashMap<>();

  private Gazetteer(List<PlaceName> places) {
    this.places = List.copyOf(places);
    Map<String, PlaceName> byName = new HashMap<>();
    for (PlaceName place : places) {
      if (place.kind() == PlaceName.Kind.DIVISION) {
        byName.put(place.english(), place);
      }
    }
    for (PlaceName place : places) {
      boolean division = place.kind() == PlaceName.Kind.DIVISION;
      if (!division && !byName.containsKey(place.division().orElseThrow())) {
        throw new IllegalArgumentException(
            place.english() + " lies in an unknown division: " + place.division().get());
      }
      Map<String, PlaceName> index = division ? divisions : districts;
      for (String spelling : place.spellings()) {
        String key = fold(spelling);
        if (key.isEmpty()) {
          throw new IllegalArgumentException(place.english() + ": an empty spelling");
        }
        PlaceName other = index.putIfAbsent(key, place);
        if (other != null && other != place) {
          throw new IllegalArgumentException(
              "'" + spelling + "' names both " + other.english() + " and " + place.english());
        }
      }
    }
  }

  /** The divisions and districts of Bangladesh, read once from {@value #RESOURCE}. */
  public static Gazetteer bangladesh() {
    return Bangladesh.INSTANCE;
  }

  /** Lazily loaded, once. */
  private static final class Bangladesh {
    static final Gazetteer INSTANCE = load();

    private static Gazetteer load() {
      try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the resource " + RESOURCE + " is missing");
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return parse(reader.lines().toList());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * A gazetteer from lines of {@code kind | english | bangla | division | variant, variant}; blank
   * lines and lines starting with {@code #} are skipped.
   *
   * @throws IllegalArgumentException naming the line or spelling at fault
   */
  public static Gazetteer parse(List<String> lines) {
    List<PlaceName> places = new ArrayList<>();
    int number = 0;
    for (String line : lines) {
      number++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      String[] fields = text.split("\\|", -1);
      if (fields.length != 5) {
        throw new IllegalArgumentException("line " + number + ": expected 5 fields: " + text);
      }
      try {
        PlaceName.Kind kind = PlaceName.Kind.valueOf(fields[0].strip().toUpperCase(Locale.ROOT));
        List<String> variants = new ArrayList<>();
        for (String variant : fields[4].split(",")) {
          if (!variant.isBlank()) {
            variants.add(variant.strip());
          }
        }
        places.add(
            new PlaceName(
                kind,
                fields[1],
                fields[2],
                Optional.of(fields[3].strip()).filter(d -> !d.isEmpty()),
                variants));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
      }
    }
    return new Gazetteer(places);
  }

  /** Every place, in the order of the data. */
  public List<PlaceName> places() {
    return places;
  }

  /** The divisions, in the order of the data. */
  public List<PlaceName> divisions() {
    return places.stream().filter(p -> p.kind() == PlaceName.Kind.DIVISION).toList();
  }

  /** The districts, in the order of the data. */
  public List<PlaceName> districts() {
    return places.stream().filter(p -> p.kind() == PlaceName.Kind.DISTRICT).toList();
  }

  /** Where {@code location} is counted; {@link Place#OTHER} when no place matches its text. */
  public Place place(Location location) {
    Optional<PlaceName> district = location.district().map(this::district).flatMap(d -> d);
    if (district.isPresent()) {
      return of(district.get());
    }
    Optional<PlaceName> division = division(location.division());
    if (division.isPresent()) {
      return Place.of(division.get().english());
    }
    // "a bare string is taken as the division": people write their district there too.
    return district(location.division()).map(Gazetteer::of).orElse(Place.OTHER);
  }

  /** The division {@code text} names, if any. */
  public Optional<PlaceName> division(String text) {
    return Optional.ofNullable(divisions.get(fold(text)));
  }

  /** The district {@code text} names, if any. */
  public Optional<PlaceName> district(String text) {
    return Optional.ofNullable(districts.get(fold(text)));
  }

  private static Place of(PlaceName district) {
    return Place.of(district.division().orElseThrow(), district.english());
  }

  /** The form texts are compared in. */
  static String fold(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    folded = IGNORED.matcher(folded).replaceAll("");
    for (String suffix : SUFFIXES) {
      if (folded.length() > suffix.length() && folded.endsWith(suffix)) {
        return folded.substring(0, folded.length() - suffix.length());
      }
    }
    return folded;
  }
}
