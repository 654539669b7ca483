package bd.com.getit.realtime.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.OptionHelper;

/**
 * The server's logging, configured in code: one console appender, text or JSON as {@code
 * REALTIME_LOG_FORMAT} says, the root at {@code REALTIME_LOG_LEVEL}, Grizzly and Jersey at {@code
 * WARN}. Configuring from a {@code logback.xml} loaded Joran and an XML parser, 415 of the classes
 * a fresh server loads, for these few lines. Registered through {@code META-INF/services}, logback
 * asks it before looking for a file; it steps aside (and logback reads the file as usual) when the
 * user gives one: {@code -Dlogback.configurationFile}, or a {@code logback.xml} or {@code
 * logback-test.xml} on the class path (docs/operations.md, "Logs").
 *
 * <p>The variables are looked up as {@code ${...}} in a logback file would be: the context's
 * properties, then system properties, then the environment.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
  static final String TEXT_PATTERN =
      "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} -%replace( [%mdc]){' \\[\\]', ''} %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (userConfiguration(LogConfigurator.class.getClassLoader())) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    configureServerLogs(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** The server's own configuration, whatever files there are. */
  static void configureServerLogs(LoggerContext context) {
    String format = lookup(context, "REALTIME_LOG_FORMAT", "text");
    // An unknown format stops the server at start (OperationsSettings); until then, text, so
    // that the message saying so is seen.
    Encoder<ILoggingEvent> encoder = "json".equals(format) ? json(context) : text(context);
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("json".equals(format) ? "JSON" : "TEXT");
    console.setEncoder(encoder);
    console.start();

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    // Level.toLevel's fallback for a name it does not know is DEBUG, as in a logback file.
    root.setLevel(Level.toLevel(lookup(context, "REALTIME_LOG_LEVEL", "INFO")));
    root.addAppender(console);
    context.getLogger("org.glassfish").setLevel(Level.WARN);
    // Jersey warns about every resource registered as an instance (eclipse-ee4j/jersey#3700).
    context.getLogger("org.glassfish.jersey.internal.inject.Providers").setLevel(Level.ERROR);
  }

  /** Whether the user configures logback: a file named by the system property, or on the path. */
  static boolean userConfiguration(ClassLoader loader) {
    if (System.getProperty("logback.configurationFile") != null) {
      return true;
    }
    return loader.getResource("logback-test.xml") != null
        || loader.getResource("logback.xml") != null;
  }

  private static String lookup(LoggerContext context, String name, String fallback) {
    String value = OptionHelper.propertyLookup(name, context, null);
    return value == null || value.isEmpty() ? fallback : value;
  }

  private static Encoder<ILoggingEvent> text(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(TEXT_PATTERN);
    encoder.start();
    return encoder;
  }

  /**
   * One JSON object a line: timestamp, level, threadName, loggerName, mdc (socket_id, user_id,
   * request_id where they apply), formattedMessage, throwable.
   */
  private static Encoder<ILoggingEvent> json(LoggerContext context) {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithArguments(false);
    encoder.setWithMessage(false);
    encoder.setWithFormattedMessage(true);
    encoder.start();
    return encoder;
  }
}
