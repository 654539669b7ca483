/**
 * A worked embedding: an order service that runs the realtime core in its own JVM, on the memory
 * adapters and an event log of its own, publishes its order updates in-process and serves the
 * Socket.IO gateway to its customers' browsers and apps.
 */
package bd.com.getit.realtime.examples.orders;
