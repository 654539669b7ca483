package bd.com.getit.realtime.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Language;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalizerTest {

  private final Localizer localizer = new Localizer();

  @Test
  void convertsDigitsBothWays() {
    assertThat(BanglaDigits.toBangla("0123456789 abc")).isEqualTo("০১২৩৪৫৬৭৮৯ abc");
    assertThat(BanglaDigits.toAscii("০১২৩৪৫৬৭৮৯ কখ")).isEqualTo("0123456789 কখ");
    assertThat(BanglaDigits.toAscii(BanglaDigits.toBangla("/9:0"))).isEqualTo("/9:0");
    assertThat(BanglaDigits.isBanglaDigit('০')).isTrue();
    assertThat(BanglaDigits.isBanglaDigit('৯')).isTrue();
    assertThat(BanglaDigits.isBanglaDigit('\u09E5')).isFalse();
    assertThat(BanglaDigits.isBanglaDigit('\u09F0')).isFalse();
  }

  @Test
  void formatsTimeInDhakaForEnglishReaders() {
    assertThat(localizer.dateTime(Instant.parse("2026-11-27T04:50:00Z"), Language.EN))
        .isEqualTo("27 Nov 2026, 10:50 AM");
    assertThat(localizer.dateTime(Instant.parse("2026-01-05T18:05:00Z"), Language.EN))
        .isEqualTo("6 Jan 2026, 12:05 AM");
    assertThat(localizer.dateTime(Instant.parse("2026-07-31T06:00:00Z"), Language.EN))
        .isEqualTo("31 Jul 2026, 12:00 PM");
    assertThat(localizer.dateTime(Instant.parse("2026-03-01T11:09:00Z"), Language.EN))
        .isEqualTo("1 Mar 2026, 5:09 PM");
    assertThat(localizer.dateTime(Instant.parse("2026-03-01T11:10:00Z"), Language.EN))
        .isEqualTo("1 Mar 2026, 5:10 PM");
    assertThat(localizer.dateTime(Instant.parse("2026-03-01T05:59:00Z"), Language.EN))
        .isEqualTo("1 Mar 2026, 11:59 AM");
  }

  @Test
  void formatsTimeWithBanglaDigitsAndMonths() {
    assertThat(localizer.dateTime(Instant.parse("2026-11-27T04:50:00Z"), Language.BN))
        .isEqualTo("২৭ নভেম্বর ২০২৬, ১০:৫০ AM");
    assertThat(localizer.dateTime(Instant.parse("2026-01-01T13:00:00Z"), Language.BN))
        .isEqualTo("১ জানুয়ারি ২০২৬, ৭:০০ PM");
    assertThat(localizer.dateTime(Instant.parse("2026-12-01T00:00:00Z"), Language.BN))
        .startsWith("১ ডিসেম্বর");
  }

  @Test
  void formatsNumbers() {
    assertThat(localizer.number(0, Language.EN)).isEqualTo("0");
    assertThat(localizer.number(999, Language.EN)).isEqualTo("999");
    assertThat(localizer.number(1000, Language.EN)).isEqualTo("1,000");
    assertThat(localizer.number(1234567, Language.EN)).isEqualTo("1,234,567");
    assertThat(localizer.number(-1234, Language.EN)).isEqualTo("-1,234");
    assertThat(localizer.number(999, Language.BN)).isEqualTo("৯৯৯");
    assertThat(localizer.number(7, Language.BN)).isEqualTo("৭");
    assertThat(localizer.number(-12, Language.BN)).isEqualTo("-১২");
    assertThat(localizer.number(1000, Language.BN)).isEqualTo("১,০০০");
    assertThat(localizer.number(1234567, Language.BN)).isEqualTo("১২,৩৪,৫৬৭");
    assertThat(localizer.number(12345678, Language.BN)).isEqualTo("১,২৩,৪৫,৬৭৮");
    assertThat(localizer.number(-100000, Language.BN)).isEqualTo("-১,০০,০০০");
  }

  @Test
  void writesErrorsAndSystemTexts() {
    assertThat(localizer.error(ErrorCode.NOT_FOUND, Language.EN)).isEqualTo("Not found");
    assertThat(localizer.error(ErrorCode.NOT_FOUND, Language.BN)).isEqualTo("পাওয়া যায়নি");
    assertThat(localizer.text(SystemText.ROOM_CLOSED, Language.EN))
        .isEqualTo("The chat room is closed");
    assertThat(localizer.text(SystemText.ROOM_CLOSED, Language.BN)).isEqualTo("চ্যাট রুমটি বন্ধ");
  }

  @Test
  void everySystemTextHasBothLanguages() {
    for (SystemText t : SystemText.values()) {
      assertThat(t.english()).isNotBlank();
      assertThat(t.in(Language.BN)).isNotBlank().isNotEqualTo(t.english());
      assertThat(t.text().bangla()).isPresent();
    }
  }
}
