/** Text for people in English and Bangla: digits, numbers, Dhaka times and system messages. */
package bd.com.getit.realtime.core.i18n;
