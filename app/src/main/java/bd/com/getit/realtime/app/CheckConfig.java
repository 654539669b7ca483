package bd.com.getit.realtime.app;

import java.io.PrintStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar realtime-server.jar check-config}: reads the configuration as a start would,
 * prints every variable the server reads with its effective value (defaults included, secrets
 * masked), and exits 0; or prints the one error, naming the variable, and exits 1. Nothing is
 * connected to: a reachable Redis or Kafka is the start's business.
 */
final class CheckConfig {
  static final String MASK = "****";

  /** {@code scheme://user:password@} in a URL. */
  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@]*:)([^@/]*)@");

  private CheckConfig() {}

  /** Checks {@code vars}; returns the process exit code. */
  static int run(Map<String, String> vars, PrintStream out, PrintStream err) {
    Env env = new Env(vars);
    AppConfig config;
    try {
      config = AppConfig.from(env);
    } catch (ConfigException e) {
      err.println("Configuration error: " + e.getMessage());
      return 1;
    }
    BuildInfo build = BuildInfo.current();
    out.println(
        "# Realtime " + build.version() + " (" + build.commit() + "): effective configuration");
    env.effective().forEach((name, value) -> out.println(name + "=" + masked(name, value)));
    config
        .kafka()
        .ifPresent(
            kafka ->
                kafka
                    .clientProperties()
                    .forEach(
                        (key, value) ->
                            out.println(
                                "# kafka client property "
                                    + key
                                    + "="
                                    + (KafkaSettings.isSecretProperty(key) ? MASK : value))));
    if (config.jwt().developmentMode()) {
      out.println(
          "# WARNING: no REALTIME_JWT_SECRET, _PUBLIC_KEY or _JWKS_URL: development mode, not for"
              + " production");
    }
    out.println("# configuration OK");
    return 0;
  }

  /** The value as it may be printed: secrets masked, the password of a URL masked. */
  static String masked(String name, String value) {
    if ("(unset)".equals(value)) {
      return value;
    }
    if ("REALTIME_JWT_SECRET".equals(name)) {
      return MASK;
    }
    if (name.startsWith(KafkaSettings.PROPERTY_PREFIX)
        && KafkaSettings.isSecretProperty(name.substring(KafkaSettings.PROPERTY_PREFIX.length()))) {
      return MASK;
    }
    Matcher m = URL_PASSWORD.matcher(value);
    return m.find() ? m.replaceAll("$1" + MASK + "@") : value;
  }
}
