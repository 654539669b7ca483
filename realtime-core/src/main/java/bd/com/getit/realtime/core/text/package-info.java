/** Text rules for what users write: sanitising chat text and spotting spam, JDK only. */
package bd.com.getit.realtime.core.text;
