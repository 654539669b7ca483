package bd.com.getit.realtime.adapter.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes stored documents one by one: a document that does not make a valid domain record (a
 * missing field, a wrong type, a value the domain refuses) is logged and skipped, so bad data never
 * fails a request.
 */
final class Reads {
  private static final Logger LOG = LoggerFactory.getLogger(Reads.class);

  private Reads() {}

  static <T> Optional<T> decode(String collection, Document d, Function<Document, T> decoder) {
    try {
      return Optional.of(decoder.apply(d));
    } catch (RuntimeException e) {
      LOG.warn(
          "skipping malformed document _id={} in {}: {}", d.get("_id"), collection, e.toString());
      return Optional.empty();
    }
  }

  static <T> List<T> decodeAll(
      String collection, List<Document> documents, Function<Document, T> decoder) {
    List<T> result = new ArrayList<>(documents.size());
    documents.forEach(d -> decode(collection, d, decoder).ifPresent(result::add));
    return result;
  }

  /** The failure a stage completed with, without the wrapping of dependent stages. */
  static Throwable cause(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** The stage, its failure (if any) replaced by {@link #failure}. */
  static <T> CompletionStage<T> guard(String operation, CompletionStage<T> stage) {
    CompletableFuture<T> result = new CompletableFuture<>();
    stage.whenComplete(
        (value, e) -> {
          if (e == null) {
            result.complete(value);
          } else {
            result.completeExceptionally(failure(operation, e));
          }
        });
    return result;
  }

  /** A driver failure as a plain exception, so that no driver type reaches the caller's API. */
  static RuntimeException failure(String operation, Throwable failure) {
    Throwable t = cause(failure);
    return new IllegalStateException("MongoDB " + operation + " failed: " + t.getMessage(), t);
  }
}
