package bd.com.getit.realtime.app;

import java.util.Objects;
import java.util.Optional;

/**
 * What the operators of a node choose about watching it (docs/operations.md): a separate management
 * port for metrics and health, the log format, and the REST access log.
 *
 * @param managementHost {@code REALTIME_MANAGEMENT_HOST}: where the management port listens
 *     (default {@code REALTIME_HOST})
 * @param managementPort {@code REALTIME_MANAGEMENT_PORT}: when set, {@code /metrics} is served on
 *     this port only, and {@code /health/*} and {@code /info} there too; unset, all on the main
 *     port
 * @param logFormat {@code REALTIME_LOG_FORMAT}: {@code text} or {@code json} (read by {@link
 *     LogConfigurator}; checked here so a typo stops the start)
 * @param accessLog {@code REALTIME_ACCESS_LOG}: one log line per REST request (logger {@code
 *     realtime.access})
 */
public record OperationsSettings(
    String managementHost,
    Optional<Integer> managementPort,
    LogFormat logFormat,
    boolean accessLog) {

  /** How log lines are written. */
  public enum LogFormat {
    TEXT,
    JSON
  }

  public OperationsSettings {
    Objects.requireNonNull(managementHost, "managementHost");
    Objects.requireNonNull(managementPort, "managementPort");
    Objects.requireNonNull(logFormat, "logFormat");
  }

  static OperationsSettings from(Env env, String host, int mainPort) {
    String managementHost = env.text("REALTIME_MANAGEMENT_HOST", host);
    Optional<Integer> managementPort = env.integer("REALTIME_MANAGEMENT_PORT", 0, 65535);
    if (managementPort.isPresent()
        && managementPort.get() != 0
        && managementPort.get() == mainPort) {
      throw new ConfigException(
          "REALTIME_MANAGEMENT_PORT", "must differ from REALTIME_PORT (" + mainPort + ")");
    }
    // LogConfigurator picks its encoder by this exact value, so no other spelling is accepted.
    String format = env.text("REALTIME_LOG_FORMAT", "text");
    LogFormat logFormat;
    switch (format) {
      case "text" -> logFormat = LogFormat.TEXT;
      case "json" -> logFormat = LogFormat.JSON;
      default ->
          throw new ConfigException(
              "REALTIME_LOG_FORMAT", "must be text or json (lower case), was '" + format + "'");
    }
    return new OperationsSettings(
        managementHost, managementPort, logFormat, env.bool("REALTIME_ACCESS_LOG", false));
  }
}
