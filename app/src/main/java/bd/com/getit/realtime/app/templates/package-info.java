/**
 * The server's notification templates: read from the jar and an operator's directory, checked at
 * start, rendered in English and Bangla with ICU4J.
 */
package bd.com.getit.realtime.app.templates;
