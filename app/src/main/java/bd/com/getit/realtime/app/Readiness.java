package bd.com.getit.realtime.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * What {@code /health/ready} reports: ready while every registered check passes. Each configured
 * store registers one check; a check must answer at once (from state its adapter keeps), never by a
 * network round trip on the request thread.
 */
final class Readiness {
  private final Map<String, BooleanSupplier> checks = new ConcurrentHashMap<>();

  void add(String name, BooleanSupplier check) {
    checks.put(name, check);
  }

  /** The name of every check and whether it passes now. */
  Map<String, Boolean> report() {
    Map<String, Boolean> report = new java.util.TreeMap<>();
    checks.forEach((name, check) -> report.put(name, check.getAsBoolean()));
    return report;
  }
}
