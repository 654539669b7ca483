package bd.com.getit.realtime.app.templates;

/** A template that cannot be used, named with what is wrong; thrown while loading, at start. */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TemplateException(String template, String problem) {
    super("template " + template + " " + problem, null, false, false);
  }
}
