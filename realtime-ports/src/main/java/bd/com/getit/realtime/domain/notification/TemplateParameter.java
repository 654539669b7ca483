package bd.com.getit.realtime.domain.notification;

import java.util.Objects;
import java.util.regex.Pattern;

/** One named, typed parameter of a notification template. */
public record TemplateParameter(String name, ParameterType type) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public TemplateParameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a parameter name matches " + NAME + ": " + name);
    }
  }
}
