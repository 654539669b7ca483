package bd.com.getit.realtime.app.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The keys of a JWKS URL, for verification on threads that must not block. Verification reads a
 * snapshot of the last key set fetched; fetching happens on this class's own thread only, through
 * nimbus's {@link JWKSourceBuilder} chain (cache with refresh-ahead, rate limit). An unknown {@code
 * kid} is refused at once and asks for one refetch in the background, so a token signed with a
 * newly rotated key is accepted as soon as the refetch has landed. A failed fetch keeps the last
 * good key set. Thread-safe.
 */
final class JwksKeys implements JWKSource<SecurityContext>, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(JwksKeys.class.getName());

  private static final int CONNECT_TIMEOUT_MS = 2_000;
  private static final int READ_TIMEOUT_MS = 3_000;
  private static final int MAX_BYTES = 256 * 1024;

  private final URL url;
  private final long pollMillis;
  private final JWKSetSource<SecurityContext> remote;
  private final ScheduledExecutorService worker;
  private final AtomicReference<JWKSet> snapshot = new AtomicReference<>();
  private final AtomicBoolean refetchQueued = new AtomicBoolean();
  private final CountDownLatch firstLoad = new CountDownLatch(1);
  private final AtomicLong generation = new AtomicLong();

  /**
   * @param cacheTtl how long a fetched key set is used before it is fetched again
   * @param minRefetchInterval nimbus's rate limit: at most two fetches in this interval
   */
  JwksKeys(URL url, Duration cacheTtl, Duration minRefetchInterval) {
    this.url = Objects.requireNonNull(url, "url");
    long ttl = cacheTtl.toMillis();
    JWKSource<SecurityContext> built =
        JWKSourceBuilder.<SecurityContext>create(
                url, new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, MAX_BYTES))
            .cache(ttl, Math.min(5_000, ttl / 4))
            // refreshed ahead of expiry on nimbus's scheduler, so the cache never runs dry
            .refreshAheadCache(ttl / 4, true)
            .rateLimited(minRefetchInterval.toMillis())
            .retrying(false)
            .build();
    this.remote = ((JWKSetBasedJWKSource<SecurityContext>) built).getJWKSetSource();
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "realtime-jwks");
              t.setDaemon(true);
              return t;
            });
    this.pollMillis = Math.max(1_000, Math.min(30_000, ttl / 8));
    worker.execute(this::poll);
  }

  /**
   * Copies nimbus's cache (refreshed ahead of expiry) into the snapshot; no fetch unless expired.
   * Until a first key set has come, tries again every second (within nimbus's rate limit).
   */
  private void poll() {
    load(JWKSetCacheRefreshEvaluator.noRefresh());
    try {
      worker.schedule(this::poll, loaded() ? pollMillis : 1_000, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // closed meanwhile
    }
  }

  /** Waits up to {@code timeout} for the first key set (start-up only); true once one is held. */
  boolean awaitFirstLoad(Duration timeout) {
    try {
      return firstLoad.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return loaded();
    }
  }

  /** Whether a key set has been fetched: until then every token is refused. */
  boolean loaded() {
    return snapshot.get() != null;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    JWKSet current = snapshot.get();
    List<JWK> found = current == null ? List.of() : selector.select(current);
    if (found.isEmpty()) {
      requestRefetch(current);
    }
    return found;
  }

  /** Asks for one refetch unless one is already queued; never waits for it. */
  private void requestRefetch(JWKSet seen) {
    if (!refetchQueued.compareAndSet(false, true)) {
      return;
    }
    try {
      worker.execute(
          () -> {
            refetchQueued.set(false);
            // Reloads only if nimbus still caches the set we saw: concurrent misses fetch once.
            load(
                seen == null
                    ? JWKSetCacheRefreshEvaluator.noRefresh()
                    : JWKSetCacheRefreshEvaluator.referenceComparison(seen));
          });
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      refetchQueued.set(false);
    }
  }

  private void load(JWKSetCacheRefreshEvaluator evaluator) {
    try {
      JWKSet set = remote.getJWKSet(evaluator, System.currentTimeMillis(), null);
      if (set != null && snapshot.getAndSet(set) != set) {
        generation.incrementAndGet();
        firstLoad.countDown();
        LOG.log(System.Logger.Level.DEBUG, "JWKS from {0}: {1} keys", url, set.size());
      }
    } catch (RateLimitReachedException e) {
      // unknown kids come faster than the rate limit allows fetches: the attack case, no noise
      LOG.log(System.Logger.Level.DEBUG, "JWKS refetch rate-limited");
    } catch (KeySourceException | RuntimeException e) {
      // the last good key set stays in use; rate limiting lands here too
      LOG.log(System.Logger.Level.WARNING, "JWKS fetch from {0} failed: {1}", url, e.toString());
    }
  }

  /** Counts the key sets taken in: tokens verified with an earlier one are checked again. */
  long generation() {
    return generation.get();
  }

  @Override
  public void close() {
    worker.shutdownNow();
    try {
      remote.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing the JWKS source failed", e);
    }
  }
}
