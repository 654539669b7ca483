/**
 * Kafka: the consumer that feeds other services' events into the ingest use case (at-least-once,
 * malformed records to a dead-letter topic), and the producer of outbound events.
 */
package bd.com.getit.realtime.adapter.kafka;
