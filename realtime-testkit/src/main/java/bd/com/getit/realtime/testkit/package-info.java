/**
 * Test fixtures in domain language (users, channels, events, a hand-moved clock, predictable ids)
 * shared by the tests of every module.
 */
package bd.com.getit.realtime.testkit;
