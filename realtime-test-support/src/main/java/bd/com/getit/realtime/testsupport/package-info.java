/**
 * The real servers tests start in their own JVM (Redis, Kafka, a MongoDB wire server) and an HTTP
 * client for tests: shared by the adapters' and the server's tests, used with scope {@code test}
 * only, never by production code.
 */
package bd.com.getit.realtime.testsupport;
