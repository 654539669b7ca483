package bd.com.getit.realtime.bench.soak;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A least-squares line through one series of a soak run: its slope per hour and its mean. NaN
 * values (a figure not measured yet) are left out.
 */
public record Trend(double slopePerHour, double mean, int points) {

  /** The fit over the samples given, {@code x} in seconds. */
  public static Trend fit(List<SoakSample> samples, ToDoubleFunction<SoakSample> y) {
    double n = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (SoakSample s : samples) {
      double v = y.applyAsDouble(s);
      if (Double.isNaN(v)) {
        continue;
      }
      double x = s.seconds() / 3600.0;
      n++;
      sx += x;
      sy += v;
      sxx += x * x;
      sxy += x * v;
    }
    if (n == 0) {
      return new Trend(Double.NaN, Double.NaN, 0);
    }
    double denominator = n * sxx - sx * sx;
    double slope = n < 2 || denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
    return new Trend(slope, sy / n, (int) n);
  }

  /** The slope as a fraction of the mean, per hour (0.05: grows 5 % of its level an hour). */
  public double relativeSlopePerHour() {
    return mean == 0 ? 0 : slopePerHour / Math.abs(mean);
  }
}
