/**
 * Abstract contract tests, one per driven port: every adapter of a port extends its contract and
 * supplies the factory method.
 */
package bd.com.getit.realtime.testkit.contract;
