package bd.com.getit.realtime.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** The server's own logback.xml, in each {@code REALTIME_LOG_FORMAT}. */
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

  /** Configures a fresh logback context from the server's logback.xml and runs {@code logs}. */
  private static String logWith(String format, java.util.function.Consumer<Logger> logs)
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
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
      logs.accept(context.getLogger("realtime.test"));
    } finally {
      context.stop();
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
