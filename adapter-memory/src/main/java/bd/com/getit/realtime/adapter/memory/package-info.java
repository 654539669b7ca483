/**
 * In-process, thread-safe implementations of the driven ports: the embedded default of a single
 * node, and the reference every other adapter's contract tests are measured against.
 */
package bd.com.getit.realtime.adapter.memory;
