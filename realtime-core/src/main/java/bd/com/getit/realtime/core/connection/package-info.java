/** Socket lifecycle and channel membership: connect, recover, activate, join, leave, disconnect. */
package bd.com.getit.realtime.core.connection;
