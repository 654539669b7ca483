package bd.com.getit.realtime.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The server's own logging ({@link LogConfigurator}), in each {@code REALTIME_LOG_FORMAT}. */
class LogFormatTest {

  @Test
  void jsonLogsAreOneObjectALineWithTheContextIds() throws Exception {
    String out =
        logWith(
            "json",
            log -> {
              MDC.put(LoggingNamespace.SOCKET_ID, "sock-1");
              MDC.put(LoggingNamespace.USER_ID, "u-42");
              MDC.put(AccessLog.REQUEST_ID, "req-7");
              try {
                log.warn("a \"quoted\" line for {}", "u-42");
              } finally {
                MDC.clear();
              }
            });
    String[] lines = out.strip().split("\n");
    assertThat(lines).hasSize(1);
    JsonNode line = new ObjectMapper().readTree(lines[0]);
    assertThat(line.path("level").asText()).isEqualTo("WARN");
    assertThat(line.path("loggerName").asText()).isEqualTo("realtime.test");
    assertThat(line.path("formattedMessage").asText()).isEqualTo("a \"quoted\" line for u-42");
    assertThat(line.path("mdc").path("socket_id").asText()).isEqualTo("sock-1");
    assertThat(line.path("mdc").path("user_id").asText()).isEqualTo("u-42");
    assertThat(line.path("mdc").path("request_id").asText()).isEqualTo("req-7");
    assertThat(line.path("timestamp").asLong()).isPositive();
  }

  @Test
  void textLogsAreTheDefaultAndShowTheContextWhenThereIsOne() throws Exception {
    String out =
        logWith(
            null,
            log -> {
              log.info("plain");
              MDC.put(LoggingNamespace.SOCKET_ID, "sock-1");
              try {
                log.info("about a socket");
              } finally {
                MDC.clear();
              }
            });
    String[] lines = out.strip().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).endsWith("realtime.test - plain").doesNotContain("{");
    assertThat(lines[1]).endsWith("realtime.test - [socket_id=sock-1] about a socket");
  }

  @Test
  void anUnknownLevelIsDebugAndAKnownOneIsTaken() throws Exception {
    assertThat(levelWith("WARN")).isEqualTo(Level.WARN);
    assertThat(levelWith("error")).isEqualTo(Level.ERROR);
    assertThat(levelWith("LOUD")).isEqualTo(Level.DEBUG); // as a logback file reads it
    assertThat(levelWith(null)).isEqualTo(Level.INFO);
  }

  @Test
  void grizzlyAndJerseyAreQuieter() {
    LoggerContext context = new LoggerContext();
    LogConfigurator.configureServerLogs(context);
    assertThat(context.getLogger("org.glassfish.grizzly").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.glassfish.jersey.internal.inject.Providers").getLevel())
        .isEqualTo(Level.ERROR);
    context.stop();
  }

  @Test
  void aUsersOwnFileIsLeftToLogback() throws Exception {
    // The test class path has logback-test.xml: logback is to read it, not this configurator.
    LoggerContext context = new LoggerContext();
    LogConfigurator configurator = new LogConfigurator();
    configurator.setContext(context);
    assertThat(configurator.configure(context))
        .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext())
        .isFalse();
    ClassLoader empty = new URLClassLoader(new URL[0], null);
    assertThat(LogConfigurator.userConfiguration(empty)).isFalse();
    assertThat(
            LogConfigurator.userConfiguration(
                new URLClassLoader(
                    new URL[] {
                      LogFormatTest.class
                          .getResource("/logback-test.xml")
                          .toURI()
                          .resolve(".")
                          .toURL()
                    },
                    null)))
        .isTrue();
    context.stop();
  }

  private static Level levelWith(String level) {
    LoggerContext context = new LoggerContext();
    if (level != null) {
      context.putProperty("REALTIME_LOG_LEVEL", level);
    }
    LogConfigurator.configureServerLogs(context);
    Level effective = context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel();
    context.stop();
    return effective;
  }

  /** Configures a fresh logback context as the server does and runs {@code logs}. */
  private static String logWith(String format, java.util.function.Consumer<org.slf4j.Logger> logs)
      throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter()); // the MDC the test writes to
    try {
      // The console appender takes System.out when it starts, during configuration.
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      if (format != null) {
        context.putProperty("REALTIME_LOG_FORMAT", format);
      }
      Map.of("REALTIME_LOG_LEVEL", "INFO").forEach(context::putProperty);
      LogConfigurator.configureServerLogs(context);
      logs.accept(context.getLogger("realtime.test"));
    } finally {
      context.stop();
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
