package bd.com.getit.realtime.core.i18n;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Writes numbers, times and messages for people in their language: Bangla digits, Bangla month
 * names and lakh grouping for {@code bn}; times always in Bangladesh time (Asia/Dhaka). Built on
 * its own tables rather than the JDK's locale data, so the output is the same on every JVM.
 * Stateless and thread-safe.
 */
public final class Localizer {

  /** Bangladesh time, used for every time written for people. */
  public static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");

  private static final List<String> MONTHS_EN =
      List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
  private static final List<String> MONTHS_BN =
      List.of(
          "জানুয়ারি",
          "ফেব্রুয়ারি",
          "মার্চ",
          "এপ্রিল",
          "মে",
          "জুন",
          "জুলাই",
          "আগস্ট",
          "সেপ্টেম্বর",
          "অক্টোবর",
          "নভেম্বর",
          "ডিসেম্বর");

  /**
   * A whole number: {@code 1,234,567} in English; Bangla digits and lakh grouping ({@code
   * ১২,৩৪,৫৬৭}) in Bangla.
   */
  public String number(long value, Language language) {
    Objects.requireNonNull(language, "language");
    String digits = Long.toString(value);
    boolean negative = digits.startsWith("-");
    String abs = negative ? digits.substring(1) : digits;
    String grouped = language == Language.BN ? groupLakh(abs) : groupThousands(abs);
    String text = negative ? "-" + grouped : grouped;
    return language == Language.BN ? BanglaDigits.toBangla(text) : text;
  }

  /**
   * A moment in Bangladesh time: {@code 27 Nov 2026, 10:50 AM} in English, {@code ২৭ নভেম্বর ২০২৬,
   * ১০:৫০ AM} in Bangla.
   */
  public String dateTime(Instant instant, Language language) {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(language, "language");
    ZonedDateTime t = instant.atZone(DHAKA);
    int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    String amPm = t.getHour() < 12 ? "AM" : "PM";
    List<String> months = language == Language.BN ? MONTHS_BN : MONTHS_EN;
    String text =
        t.getDayOfMonth()
            + " "
            + months.get(t.getMonthValue() - 1)
            + " "
            + t.getYear()
            + ", "
            + hour12
            + ":"
            + (t.getMinute() < 10 ? "0" : "")
            + t.getMinute()
            + " "
            + amPm;
    return language == Language.BN ? BanglaDigits.toBangla(text) : text;
  }

  /** The people-facing message of an error code. */
  public String error(ErrorCode code, Language language) {
    return code.message(Objects.requireNonNull(language, "language"));
  }

  /** A system text of this server. */
  public String text(SystemText text, Language language) {
    return text.in(Objects.requireNonNull(language, "language"));
  }

  private static String groupThousands(String digits) {
    StringBuilder out = new StringBuilder(digits);
    for (int i = digits.length() - 3; i > 0; i -= 3) {
      out.insert(i, ',');
    }
    return out.toString();
  }

  /** The last three digits, then groups of two: 1,23,45,678. */
  private static String groupLakh(String digits) {
    StringBuilder out = new StringBuilder(digits);
    for (int i = digits.length() - 3; i > 0; i -= 2) {
      out.insert(i, ',');
    }
    return out.toString();
  }
}
