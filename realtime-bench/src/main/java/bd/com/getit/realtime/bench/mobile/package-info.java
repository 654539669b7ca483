/**
 * The mobile scenario: simulated 2G/3G/4G links (a user-space TCP proxy) and the phones behind
 * them.
 */
package bd.com.getit.realtime.bench.mobile;
