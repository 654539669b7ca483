/**
 * Abstract contract tests, one per driven port: every adapter of a port extends its contract and
 * supplies the factory method, which must return a new, empty instance for each test (a networked
 * adapter flushes its keys or uses a fresh prefix). For example:
 *
 * <pre>{@code
 * class RedisPresenceStoreIT extends PresenceStoreContract {
 *   @Override
 *   protected PresenceStore newStore() {
 *     return new RedisPresenceStore(freshClient());
 *   }
 * }
 * }</pre>
 *
 * <p>Stores whose port takes no time (deduplication, recovery, offline queue) get the test's {@link
 * bd.com.getit.realtime.testkit.MutableClock} in their factory and must measure their windows with
 * it. Stages are awaited with {@link bd.com.getit.realtime.testkit.Stages#join}; bus deliveries
 * with Awaitility.
 */
package bd.com.getit.realtime.testkit.contract;
