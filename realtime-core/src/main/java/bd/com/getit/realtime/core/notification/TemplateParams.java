package bd.com.getit.realtime.core.notification;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.notification.NotificationTemplate;
import bd.com.getit.realtime.domain.notification.TemplateParameter;
import bd.com.getit.realtime.domain.notification.TemplateValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A producer's JSON parameters checked against a template: every declared parameter present with a
 * value of its type, no other. A failure is {@code PAYLOAD_INVALID} naming the parameter, so a
 * producer's mistake is a 422 at send time, never a half-rendered text.
 */
final class TemplateParams {
  static final int MAX_TEXT = 500;

  /** No price on the platform comes near it; a larger number is a mistake. */
  private static final BigDecimal MAX_NUMBER = new BigDecimal("1000000000000");

  private TemplateParams() {}

  static Map<String, TemplateValue> check(
      NotificationTemplate template, JsonValue.JsonObject json) {
    for (String name : json.fields().keySet()) {
      if (template.parameter(name).isEmpty()) {
        throw invalid(template, name, "is not a parameter of it");
      }
    }
    Map<String, TemplateValue> values = new LinkedHashMap<>();
    for (TemplateParameter p : template.parameters()) {
      JsonValue value = json.get(p.name()).orElse(JsonValue.JsonNull.INSTANCE);
      if (value instanceof JsonValue.JsonNull) {
        throw invalid(template, p.name(), "is missing");
      }
      values.put(p.name(), convert(template, p, value));
    }
    return values;
  }

  private static TemplateValue convert(
      NotificationTemplate template, TemplateParameter p, JsonValue value) {
    return switch (p.type()) {
      case TEXT -> {
        if (!(value instanceof JsonValue.JsonString s) || s.value().isBlank()) {
          throw invalid(template, p.name(), "must be a non-empty string");
        }
        if (s.value().length() > MAX_TEXT) {
          throw invalid(template, p.name(), "is longer than " + MAX_TEXT + " characters");
        }
        yield new TemplateValue.Text(s.value());
      }
      case NUMBER -> new TemplateValue.Number(number(template, p, value));
      case AMOUNT -> {
        BigDecimal taka = number(template, p, value);
        if (taka.signum() < 0 || taka.stripTrailingZeros().scale() > 2) {
          throw invalid(template, p.name(), "must be taka, at least 0, with at most two decimals");
        }
        yield new TemplateValue.Amount(taka);
      }
      case TIME -> {
        if (!(value instanceof JsonValue.JsonString s)) {
          throw invalid(template, p.name(), "must be an ISO-8601 time");
        }
        try {
          yield new TemplateValue.Time(Instant.parse(s.value()));
        } catch (DateTimeParseException e) {
          throw invalid(
              template, p.name(), "must be an ISO-8601 time such as 2026-12-07T10:00:00Z");
        }
      }
    };
  }

  private static BigDecimal number(
      NotificationTemplate template, TemplateParameter p, JsonValue value) {
    if (!(value instanceof JsonValue.JsonNumber n) || n.value().abs().compareTo(MAX_NUMBER) > 0) {
      throw invalid(template, p.name(), "must be a number");
    }
    return n.value();
  }

  private static RealtimeException invalid(
      NotificationTemplate template, String parameter, String why) {
    return new RealtimeException(
        ErrorCode.PAYLOAD_INVALID,
        "parameter " + parameter + " of template " + template.id() + " " + why);
  }
}
