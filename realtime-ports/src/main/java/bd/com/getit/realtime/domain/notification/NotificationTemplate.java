package bd.com.getit.realtime.domain.notification;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A notification template as producers see it: its id (also the notification's default type) and
 * the parameters it needs, each required.
 */
public record NotificationTemplate(String id, List<TemplateParameter> parameters) {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public NotificationTemplate {
    Objects.requireNonNull(id, "id");
    parameters = List.copyOf(parameters);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a template id matches " + ID + ": " + id);
    }
    if (parameters.stream().map(TemplateParameter::name).distinct().count() != parameters.size()) {
      throw new IllegalArgumentException("template " + id + " names a parameter twice");
    }
  }

  public Optional<TemplateParameter> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
