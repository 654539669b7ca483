package bd.com.getit.realtime.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Lets an appender of logback.xml write only when {@code REALTIME_LOG_FORMAT} chose it: both the
 * text and the JSON appender stay referenced (an unreferenced one makes logback print its whole
 * status at every start), and the one not chosen drops every event with one comparison made once.
 */
public final class LogFormatFilter extends Filter<ILoggingEvent> {
  private String format = "text";
  private String chosen = "text";
  private boolean on = true;

  /** This appender's format ({@code text} or {@code json}). */
  public void setFormat(String format) {
    this.format = format;
  }

  /** The format {@code REALTIME_LOG_FORMAT} chose. */
  public void setChosen(String chosen) {
    this.chosen = chosen;
  }

  @Override
  public void start() {
    on = format.equals(chosen);
    super.start();
  }

  @Override
  public FilterReply decide(ILoggingEvent event) {
    return on ? FilterReply.NEUTRAL : FilterReply.DENY;
  }
}
