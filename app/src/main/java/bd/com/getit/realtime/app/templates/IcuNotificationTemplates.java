package bd.com.getit.realtime.app.templates;

import bd.com.getit.realtime.domain.Language;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.notification.NotificationTemplate;
import bd.com.getit.realtime.domain.notification.ParameterType;
import bd.com.getit.realtime.domain.notification.RenderedNotification;
import bd.com.getit.realtime.domain.notification.TemplateParameter;
import bd.com.getit.realtime.domain.notification.TemplateValue;
import bd.com.getit.realtime.port.out.NotificationTemplates;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The notification templates as ICU {@link MessageFormat} patterns in English and Bangla. {@link
 * #load} reads them ({@link TemplateFiles}) and checks every template of the operator's directory
 * before the server takes traffic: each text present in both languages, parsed, naming only
 * declared parameters, using every parameter in each language, and rendering with sample values of
 * each parameter's type (a plural on a text parameter fails there). The jar's own templates pass
 * the same check in the build ({@link #checkShipped}), so they are compiled at their first render:
 * a server that sends no templated notification never loads ICU (about 415 classes and its locale
 * data). A template that passes renders at send time. Thread-safe: each render clones the parsed
 * patterns, as ICU formats are not thread-safe.
 */
public final class IcuNotificationTemplates implements NotificationTemplates {

  /** One checked template: its parameters and its four parsed texts. */
  private record Compiled(
      NotificationTemplate template,
      MessageFormat titleEn,
      MessageFormat titleBn,
      MessageFormat messageEn,
      MessageFormat messageBn) {}

  /** Every template's parameters, by id, sorted (what {@link #templates} lists). */
  private final Map<String, NotificationTemplate> declared;

  /** The operator's templates, checked and compiled by {@link #load}. */
  private final Map<String, Compiled> checked;

  /** The jar's templates that the operator did not replace, compiled on first use. */
  private final Map<String, TemplateFiles.Definition> shipped;

  private volatile Map<String, Compiled> shippedCompiled;

  private IcuNotificationTemplates(
      Map<String, NotificationTemplate> declared,
      Map<String, Compiled> checked,
      Map<String, TemplateFiles.Definition> shipped) {
    this.declared = new TreeMap<>(declared);
    this.checked = Map.copyOf(checked);
    this.shipped = Map.copyOf(shipped);
  }

  /**
   * The jar's templates, with those of {@code directory} added or replacing them.
   *
   * @throws TemplateException naming the first template that cannot be used
   */
  public static IcuNotificationTemplates load(Optional<Path> directory) {
    Map<String, NotificationTemplate> declared = new TreeMap<>();
    Map<String, Compiled> checked = new TreeMap<>();
    Map<String, TemplateFiles.Definition> shipped = new TreeMap<>();
    for (TemplateFiles.Definition d : TemplateFiles.read(directory).values()) {
      if (d.shipped()) {
        declared.put(d.id(), template(d));
        shipped.put(d.id(), d);
      } else {
        Compiled c = compile(d);
        declared.put(d.id(), c.template());
        checked.put(d.id(), c);
      }
    }
    return new IcuNotificationTemplates(declared, checked, shipped);
  }

  /**
   * Checks every template of the jar as {@link #load} checks an operator's (the build runs it).
   *
   * @throws TemplateException naming the first template that cannot be used
   */
  static void checkShipped() {
    for (TemplateFiles.Definition d : TemplateFiles.read(Optional.empty()).values()) {
      compile(d);
    }
  }

  @Override
  public List<NotificationTemplate> templates() {
    return List.copyOf(declared.values());
  }

  @Override
  public RenderedNotification render(String template, Map<String, TemplateValue> values) {
    Compiled c = checked.get(template);
    if (c == null && shipped.containsKey(template)) {
      c = shippedCompiled().get(template);
    }
    if (c == null) {
      throw new IllegalArgumentException("no template " + template);
    }
    return render(c, values);
  }

  /** Whether the jar's templates have been compiled (ICU loaded for them). */
  boolean shippedCompiledYet() {
    return shippedCompiled != null;
  }

  private Map<String, Compiled> shippedCompiled() {
    Map<String, Compiled> compiled = shippedCompiled;
    if (compiled == null) {
      synchronized (this) {
        compiled = shippedCompiled;
        if (compiled == null) {
          Map<String, Compiled> all = new TreeMap<>();
          shipped.forEach((id, d) -> all.put(id, compile(d)));
          compiled = Map.copyOf(all);
          shippedCompiled = compiled;
        }
      }
    }
    return compiled;
  }

  private static RenderedNotification render(Compiled c, Map<String, TemplateValue> values) {
    Map<String, Object> en = arguments(values, Language.EN);
    Map<String, Object> bn = arguments(values, Language.BN);
    return new RenderedNotification(
        LocalizedText.of(format(c.titleEn(), en), format(c.titleBn(), bn)),
        LocalizedText.of(format(c.messageEn(), en), format(c.messageBn(), bn)));
  }

  private static String format(MessageFormat parsed, Map<String, Object> arguments) {
    return ((MessageFormat) parsed.clone()).format(arguments);
  }

  private static Map<String, Object> arguments(
      Map<String, TemplateValue> values, Language language) {
    Map<String, Object> arguments = new HashMap<>();
    values.forEach((name, value) -> arguments.put(name, LocalFormats.argument(value, language)));
    return arguments;
  }

  /** The template's id and parameters, without ICU. */
  private static NotificationTemplate template(TemplateFiles.Definition d) {
    String params = d.fields().get("params");
    if (params == null) {
      throw new TemplateException(d.id(), "in " + d.source() + " has no params line");
    }
    try {
      return new NotificationTemplate(d.id(), parameters(d, params));
    } catch (IllegalArgumentException e) {
      throw new TemplateException(d.id(), "in " + d.source() + ": " + e.getMessage());
    }
  }

  private static Compiled compile(TemplateFiles.Definition d) {
    NotificationTemplate template = template(d);
    Compiled c =
        new Compiled(
            template,
            parse(d, "title.en", Language.EN),
            parse(d, "title.bn", Language.BN),
            parse(d, "message.en", Language.EN),
            parse(d, "message.bn", Language.BN));
    for (Language language : Language.values()) {
      Set<String> used = new HashSet<>();
      String suffix = "." + language.tag();
      used.addAll(arguments(d.fields().get("title" + suffix)));
      used.addAll(arguments(d.fields().get("message" + suffix)));
      for (TemplateParameter p : template.parameters()) {
        if (!used.contains(p.name())) {
          throw new TemplateException(
              d.id(), "in " + d.source() + " never uses {" + p.name() + "} in " + language.tag());
        }
      }
    }
    trial(d, c);
    return c;
  }

  private static List<TemplateParameter> parameters(TemplateFiles.Definition d, String line) {
    List<TemplateParameter> parameters = new ArrayList<>();
    for (String entry : line.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.strip().split(":", 2);
      Optional<ParameterType> type =
          parts.length == 2 ? ParameterType.fromWire(parts[1].strip()) : Optional.empty();
      if (type.isEmpty()) {
        throw new TemplateException(
            d.id(),
            "in "
                + d.source()
                + ": parameter '"
                + entry.strip()
                + "' is not name:type with type text, number, amount or time");
      }
      parameters.add(new TemplateParameter(parts[0].strip(), type.get()));
    }
    return parameters;
  }

  private static MessageFormat parse(TemplateFiles.Definition d, String field, Language language) {
    String pattern = d.fields().get(field);
    if (pattern == null || pattern.isBlank()) {
      throw new TemplateException(d.id(), "in " + d.source() + " has no " + field + " text");
    }
    MessageFormat format;
    try {
      format = new MessageFormat(pattern, LocalFormats.locale(language));
    } catch (IllegalArgumentException e) {
      throw new TemplateException(
          d.id(),
          "in " + d.source() + ": " + field + " is not a message pattern: " + e.getMessage());
    }
    Set<String> declared = new HashSet<>();
    for (String p : d.fields().get("params").split(",")) {
      declared.add(p.strip().split(":", 2)[0].strip());
    }
    for (String used : arguments(pattern)) {
      if (!declared.contains(used)) {
        throw new TemplateException(
            d.id(), "in " + d.source() + ": " + field + " uses {" + used + "}, not a parameter");
      }
    }
    return format;
  }

  /**
   * Every argument a pattern names, those inside plural and select branches too (the format's own
   * {@code getArgumentNames} sees the top level only); a numbered argument is named by its number.
   */
  private static Set<String> arguments(String pattern) {
    MessagePattern parsed = new MessagePattern(pattern);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < parsed.countParts(); i++) {
      MessagePattern.Part part = parsed.getPart(i);
      if (part.getType() == MessagePattern.Part.Type.ARG_NAME
          || part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
        names.add(parsed.getSubstring(part));
      }
    }
    return names;
  }

  /** Renders the template with sample values (a plural's one and other): it must not fail. */
  private static void trial(TemplateFiles.Definition d, Compiled c) {
    for (int sample : new int[] {1, 2}) {
      Map<String, TemplateValue> values = new HashMap<>();
      for (TemplateParameter p : c.template().parameters()) {
        values.put(p.name(), sample(p.type(), sample));
      }
      try {
        render(c, values);
      } catch (IllegalArgumentException e) {
        throw new TemplateException(
            d.id(), "in " + d.source() + " does not render: " + e.getMessage());
      }
    }
  }

  private static TemplateValue sample(ParameterType type, int n) {
    return switch (type) {
      case TEXT -> new TemplateValue.Text("sample");
      case NUMBER -> new TemplateValue.Number(BigDecimal.valueOf(n));
      case AMOUNT -> new TemplateValue.Amount(BigDecimal.valueOf(12_499L * n));
      case TIME -> new TemplateValue.Time(Instant.parse("2026-12-07T10:00:00Z"));
    };
  }
}
