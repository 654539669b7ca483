/**
 * The MongoDB adapter: chat rooms and messages, notifications and the event log on the reactive
 * streams driver; only the port implementations and {@link
 * bd.com.getit.realtime.adapter.mongo.MongoStores} are public.
 */
package bd.com.getit.realtime.adapter.mongo;
