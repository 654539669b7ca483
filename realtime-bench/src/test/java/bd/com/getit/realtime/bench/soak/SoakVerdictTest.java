package bd.com.getit.realtime.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakVerdictTest {

  /** Samples every 10 min for an hour; heap after GC and RSS as functions of the hour. */
  private static List<SoakSample> hour(double heapStart, double heapPerHour, double rssPerHour) {
    List<SoakSample> samples = new ArrayList<>();
    for (int i = 0; i <= 6; i++) {
      double h = i / 6.0;
      samples.add(
          new SoakSample(
              i * 600,
              400 + rssPerHour * h,
              150,
              heapStart + heapPerHour * h,
              60,
              2100,
              2000,
              0,
              2000,
              3000,
              1.5,
              8,
              3,
              0));
    }
    return samples;
  }

  @Test
  void fitsTheSlopePerHourOfALinearSeries() {
    Trend trend = Trend.fit(hour(100, 12, 0), SoakSample::heapAfterGcMib);

    assertThat(trend.slopePerHour()).isCloseTo(12, within(1e-9));
    assertThat(trend.mean()).isCloseTo(106, within(1e-9));
    assertThat(trend.points()).isEqualTo(7);
    assertThat(trend.relativeSlopePerHour()).isCloseTo(12 / 106.0, within(1e-9));
  }

  @Test
  void leavesOutSamplesNotMeasuredYet() {
    List<SoakSample> samples = new ArrayList<>(hour(100, 6, 0));
    SoakSample first = samples.get(0);
    samples.set(
        0, new SoakSample(0, 400, 150, Double.NaN, 60, 2100, 2000, 0, 2000, 3000, 1.5, 8, 3, 0));

    Trend trend = Trend.fit(samples, SoakSample::heapAfterGcMib);

    assertThat(first.heapAfterGcMib()).isEqualTo(100);
    assertThat(trend.points()).isEqualTo(6);
    assertThat(trend.slopePerHour()).isCloseTo(6, within(1e-9));
  }

  @Test
  void passesAFlatRunWithoutErrors() {
    SoakVerdict verdict = SoakVerdict.of(hour(100, 0, 0), 0);

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.heapAfterGc().slopePerHour()).isCloseTo(0, within(1e-9));
    assertThat(verdict.text()).endsWith("PASS\n").contains("errors: 0");
  }

  @Test
  void judgesTheSecondHalfOnly() {
    List<SoakSample> samples = hour(100, 0, 0);
    // A warm-up climb in the first half (samples 0 to 2 of 7) is not growth.
    for (int i = 0; i < 3; i++) {
      SoakSample s = samples.get(i);
      samples.set(
          i,
          new SoakSample(
              s.seconds(),
              100 + i * 100,
              150,
              40 + i * 20,
              60,
              2100,
              2000,
              0,
              2000,
              0,
              1,
              2,
              1,
              0));
    }

    assertThat(SoakVerdict.of(samples, 0).passed()).isTrue();
  }

  @Test
  void failsAHeapThatGrowsAndSaysByHowMuch() {
    // 100 MiB growing 30 MiB an hour: about 22 % an hour over the second half.
    SoakVerdict verdict = SoakVerdict.of(hour(100, 30, 0), 0);

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.failures()).hasSize(1);
    assertThat(verdict.failures().get(0)).startsWith("heap after GC grows").contains("+30.00/h");
    assertThat(verdict.text()).contains("FAIL: heap after GC grows");
  }

  @Test
  void failsOnErrorsEvenWithoutGrowth() {
    SoakVerdict verdict = SoakVerdict.of(hour(100, 0, 0), 3);

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.failures()).containsExactly("3 errors");
  }

  @Test
  void toleratesSlowGrowthBelowTheThreshold() {
    // RSS 400 MiB growing 8 MiB an hour: 2 % an hour, under the 5 % bound.
    assertThat(SoakVerdict.of(hour(100, 0, 8), 0).passed()).isTrue();
    assertThat(SoakVerdict.of(hour(100, 0, 40), 0).failures().get(0)).startsWith("RSS grows");
  }

  @Test
  void refusesTooFewSamples() {
    assertThatThrownBy(() -> SoakVerdict.of(hour(100, 0, 0).subList(0, 3), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 4 samples");
  }
}
