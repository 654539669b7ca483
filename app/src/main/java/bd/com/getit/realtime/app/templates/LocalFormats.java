package bd.com.getit.realtime.app.templates;

import bd.com.getit.realtime.domain.Language;
import bd.com.getit.realtime.domain.notification.TemplateValue;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.util.Date;

/**
 * How a value is written for a reader of one language (PROTOCOL 9 and 10.3): numbers in that
 * language's digits and grouping (Bangla digits and lakh grouping for {@code bn}, from ICU's locale
 * data), taka as {@code ৳১২,৪৯৯} or {@code Tk 12,499}, times in Bangladesh time. ICU formats are
 * not thread-safe: each call makes its own.
 */
final class LocalFormats {
  static final TimeZone DHAKA = TimeZone.getTimeZone("Asia/Dhaka");
  private static final ULocale BANGLA = new ULocale("bn_BD");

  private LocalFormats() {}

  static ULocale locale(Language language) {
    return language == Language.BN ? BANGLA : ULocale.ENGLISH;
  }

  /** The argument a message pattern gets: numbers stay numbers (for plurals), the rest text. */
  static Object argument(TemplateValue value, Language language) {
    if (value instanceof TemplateValue.Text t) {
      return t.value();
    }
    if (value instanceof TemplateValue.Number n) {
      return n.value();
    }
    if (value instanceof TemplateValue.Amount a) {
      return taka(a, language);
    }
    if (value instanceof TemplateValue.Time t) {
      return time(t, language);
    }
    throw new IllegalArgumentException("unknown template value " + value);
  }

  private static String taka(TemplateValue.Amount amount, Language language) {
    NumberFormat number = NumberFormat.getNumberInstance(locale(language));
    number.setMinimumFractionDigits(0);
    number.setMaximumFractionDigits(2);
    String written = number.format(amount.taka());
    return language == Language.BN ? "৳" + written : "Tk " + written;
  }

  private static String time(TemplateValue.Time time, Language language) {
    SimpleDateFormat format =
        new SimpleDateFormat(
            language == Language.BN ? "d MMMM yyyy, h:mm a" : "d MMM yyyy, h:mm a",
            locale(language));
    format.setTimeZone(DHAKA);
    return format.format(Date.from(time.value()));
  }
}
