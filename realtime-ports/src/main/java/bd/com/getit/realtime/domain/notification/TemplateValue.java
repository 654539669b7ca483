package bd.com.getit.realtime.domain.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A checked value of a template parameter, one record per {@link ParameterType}. */
public sealed interface TemplateValue {

  record Text(String value) implements TemplateValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  record Number(BigDecimal value) implements TemplateValue {
    public Number {
      Objects.requireNonNull(value, "value");
    }
  }

  /** Taka, with at most two decimals (paisa). */
  record Amount(BigDecimal taka) implements TemplateValue {
    public Amount {
      Objects.requireNonNull(taka, "taka");
    }
  }

  record Time(Instant value) implements TemplateValue {
    public Time {
      Objects.requireNonNull(value, "value");
    }
  }
}
