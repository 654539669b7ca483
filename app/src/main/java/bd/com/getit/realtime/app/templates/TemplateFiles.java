package bd.com.getit.realtime.app.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads template definitions: the defaults in the jar, then every {@code *.properties} file of the
 * operator's directory in name order; a template of the directory replaces the default of the same
 * id whole. Files are UTF-8. A key that is not {@code <id>.params}, {@code <id>.title.en|bn} or
 * {@code <id>.message.en|bn}, or one template in two of the operator's files, is a mistake: {@link
 * TemplateException}.
 */
final class TemplateFiles {
  static final String DEFAULTS = "/notification-templates.properties";
  private static final List<String> FIELDS =
      List.of("params", "title.en", "title.bn", "message.en", "message.bn");

  /**
   * One template as written, before it is checked.
   *
   * @param shipped whether it is the jar's own (checked by the build) rather than the operator's
   */
  record Definition(String id, String source, Map<String, String> fields, boolean shipped) {}

  private TemplateFiles() {}

  static Map<String, Definition> read(Optional<Path> directory) {
    Map<String, Definition> all = new TreeMap<>(parse(defaults(), "the jar's " + DEFAULTS, true));
    if (directory.isPresent()) {
      Map<String, Definition> operators = new TreeMap<>();
      for (Path file : files(directory.get())) {
        for (Definition d : parse(load(file), file.toString(), false).values()) {
          Definition twice = operators.put(d.id(), d);
          if (twice != null) {
            throw new TemplateException(
                d.id(), "is defined in both " + twice.source() + " and " + d.source());
          }
        }
      }
      all.putAll(operators);
    }
    return all;
  }

  private static Map<String, Definition> parse(
      Properties properties, String source, boolean shipped) {
    Map<String, Map<String, String>> byId = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      int dot = key.indexOf('.');
      String field = dot < 0 ? "" : key.substring(dot + 1);
      if (dot < 1 || !FIELDS.contains(field)) {
        throw new TemplateException(
            key, "in " + source + " is not <id>.params, <id>.title.en|bn or <id>.message.en|bn");
      }
      byId.computeIfAbsent(key.substring(0, dot), id -> new TreeMap<>())
          .put(field, properties.getProperty(key).strip());
    }
    Map<String, Definition> definitions = new TreeMap<>();
    byId.forEach((id, fields) -> definitions.put(id, new Definition(id, source, fields, shipped)));
    return definitions;
  }

  private static Properties defaults() {
    try (InputStream in = TemplateFiles.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS + " is missing from the jar");
      }
      return load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("could not read " + DEFAULTS, e);
    }
  }

  private static List<Path> files(Path directory) {
    try (Stream<Path> listed = Files.list(directory)) {
      return new ArrayList<>(
          listed
              .filter(p -> p.getFileName().toString().endsWith(".properties"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList());
    } catch (IOException e) {
      throw new TemplateException(directory.toString(), "cannot be listed: " + e.getMessage());
    }
  }

  private static Properties load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return load(reader);
    } catch (IOException e) {
      // A malformed UTF-8 file lands here too: name the file, not the decoder.
      throw new TemplateException(file.toString(), "cannot be read as UTF-8: " + e.getMessage());
    }
  }

  private static Properties load(Reader reader) throws IOException {
    Properties properties = new Properties();
    properties.load(reader);
    return properties;
  }
}
