/** The texts the core writes for people, in English and Bangla. */
package bd.com.getit.realtime.core.i18n;
