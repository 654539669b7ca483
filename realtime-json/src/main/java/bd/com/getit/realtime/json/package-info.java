/**
 * The one bridge between Jackson (trees, text, untyped values) and the ports' {@code JsonValue},
 * reading every input within one set of {@link bd.com.getit.realtime.json.JsonLimits}: shared by
 * the adapters, known to neither the ports nor the core.
 */
package bd.com.getit.realtime.json;
