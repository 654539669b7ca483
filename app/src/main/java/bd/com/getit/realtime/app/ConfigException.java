package bd.com.getit.realtime.app;

/** A configuration value is wrong; the message is one line naming the variable. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String variable, String problem) {
    super(variable + ": " + problem);
  }
}
