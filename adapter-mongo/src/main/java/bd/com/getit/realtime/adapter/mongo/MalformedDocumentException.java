package bd.com.getit.realtime.adapter.mongo;

/** A stored document that cannot become a domain record: logged and skipped, never served. */
final class MalformedDocumentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedDocumentException(String detail) {
    super(detail, null, false, false);
  }
}
