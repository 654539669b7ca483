/** Who may join which channel: the access table of PROTOCOL section 3. */
package bd.com.getit.realtime.core.access;
