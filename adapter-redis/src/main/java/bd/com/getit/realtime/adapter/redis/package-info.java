/**
 * Redis (Jedis) adapters of the cluster-wide stores, the cluster bus on a Redis Stream and the node
 * membership; {@link bd.com.getit.realtime.adapter.redis.RedisAdapters} builds them all.
 */
package bd.com.getit.realtime.adapter.redis;
