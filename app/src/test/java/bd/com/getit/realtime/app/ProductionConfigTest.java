package bd.com.getit.realtime.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What production needs from the configuration: secrets from files, Kafka client properties passed
 * through, a management port, the log format, and {@code check-config}.
 */
class ProductionConfigTest {
  private static final String SECRET = "s3cret-s3cret-s3cret-s3cret-s3cret-42";

  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void everySecretMayComeFromAFileWithoutItsTrailingNewline() throws IOException {
    AppConfig config =
        AppConfig.from(
            Map.of(
                "REALTIME_JWT_SECRET_FILE", file("jwt", SECRET + "\n").toString(),
                "REALTIME_REDIS_URL_FILE",
                    file("redis", "redis://:pw@redis.internal:6379\n").toString(),
                "REALTIME_MONGO_URI_FILE",
                    file("mongo", "mongodb://u:pw@mongo.internal/?authSource=admin").toString()));
    assertThat(config.jwt().secret()).contains(SECRET);
    assertThat(config.jwt().developmentMode()).isFalse();
    assertThat(config.redis().orElseThrow().url().getHost()).isEqualTo("redis.internal");
    assertThat(config.mongo().orElseThrow().uri())
        .isEqualTo("mongodb://u:pw@mongo.internal/?authSource=admin");
  }

  @Test
  void aSecretGivenTwiceOrAnUnreadableFileStopsTheStartNamingTheVariable() throws IOException {
    Path jwt = file("jwt", SECRET);
    assertThatThrownBy(
            () ->
                AppConfig.from(
                    Map.of(
                        "REALTIME_JWT_SECRET", SECRET, "REALTIME_JWT_SECRET_FILE", jwt.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("REALTIME_JWT_SECRET_FILE: set either REALTIME_JWT_SECRET or");
    assertThatThrownBy(
            () ->
                AppConfig.from(
                    Map.of("REALTIME_MONGO_URI_FILE", dir.resolve("missing").toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("REALTIME_MONGO_URI_FILE: cannot read the file");
    // the secret's own rules still apply to what the file holds
    Path shortSecret = file("short", "too-short");
    assertThatThrownBy(
            () -> AppConfig.from(Map.of("REALTIME_JWT_SECRET_FILE", shortSecret.toString())))
        .hasMessageStartingWith("REALTIME_JWT_SECRET: must be at least 32 bytes");
  }

  @Test
  void kafkaClientPropertiesComeFromAFileAndTheEnvironmentOverIt() throws IOException {
    Path props =
        file(
            "kafka.properties",
            "security.protocol=SASL_SSL\n"
                + "sasl.mechanism=SCRAM-SHA-512\n"
                + "ssl.truststore.location=/etc/realtime/kafka-ca.jks\n");
    Map<String, String> vars = new HashMap<>();
    vars.put("REALTIME_KAFKA_BOOTSTRAP_SERVERS", "k:9093");
    vars.put("REALTIME_KAFKA_OUTBOUND_ENABLED", "true");
    vars.put("REALTIME_KAFKA_PROPERTIES_FILE", props.toString());
    vars.put("REALTIME_KAFKA_PROPERTY_SASL_MECHANISM", "PLAIN");
    vars.put(
        "REALTIME_KAFKA_PROPERTY_SASL_JAAS_CONFIG",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"rt\""
            + " password=\"pw\";");
    KafkaSettings kafka = AppConfig.from(vars).kafka().orElseThrow();

    assertThat(kafka.clientProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("ssl.truststore.location", "/etc/realtime/kafka-ca.jks")
        .containsKey("sasl.jaas.config");
    // the consumer and the outbound producer both get them
    assertThat(kafka.ingestOptions().clientProperties()).isEqualTo(kafka.clientProperties());
    assertThat(kafka.outboundOptions().orElseThrow().clientProperties())
        .isEqualTo(kafka.clientProperties());
  }

  @Test
  void kafkaPropertiesTheServerSetsItselfAreRefused() throws IOException {
    assertThatThrownBy(
            () ->
                AppConfig.from(
                    Map.of(
                        "REALTIME_KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                        "REALTIME_KAFKA_PROPERTY_GROUP_ID", "other")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("REALTIME_KAFKA_PROPERTY_GROUP_ID: sets group.id");
    Path props = file("bad.properties", "enable.auto.commit=true\n");
    assertThatThrownBy(
            () ->
                AppConfig.from(
                    Map.of(
                        "REALTIME_KAFKA_BOOTSTRAP_SERVERS",
                        "k:9092",
                        "REALTIME_KAFKA_PROPERTIES_FILE",
                        props.toString())))
        .hasMessageStartingWith("REALTIME_KAFKA_PROPERTIES_FILE: sets enable.auto.commit");
    assertThatThrownBy(
            () ->
                AppConfig.from(
                    Map.of(
                        "REALTIME_KAFKA_BOOTSTRAP_SERVERS",
                        "k:9092",
                        "REALTIME_KAFKA_PROPERTIES_FILE",
                        dir.resolve("none").toString())))
        .hasMessageStartingWith("REALTIME_KAFKA_PROPERTIES_FILE: cannot read");
  }

  @Test
  void theManagementPortAndLogSettingsAreRead() {
    OperationsSettings defaults = AppConfig.from(Map.of()).operations();
    assertThat(defaults.managementPort()).isEmpty();
    assertThat(defaults.logFormat()).isEqualTo(OperationsSettings.LogFormat.TEXT);
    assertThat(defaults.accessLog()).isFalse();

    OperationsSettings set =
        AppConfig.from(
                Map.of(
                    "REALTIME_HOST", "10.0.0.5",
                    "REALTIME_MANAGEMENT_PORT", "9464",
                    "REALTIME_LOG_FORMAT", "json",
                    "REALTIME_ACCESS_LOG", "true"))
            .operations();
    assertThat(set.managementHost()).isEqualTo("10.0.0.5");
    assertThat(set.managementPort()).isEqualTo(Optional.of(9464));
    assertThat(set.logFormat()).isEqualTo(OperationsSettings.LogFormat.JSON);
    assertThat(set.accessLog()).isTrue();

    assertThatThrownBy(
            () ->
                AppConfig.from(Map.of("REALTIME_PORT", "9000", "REALTIME_MANAGEMENT_PORT", "9000")))
        .hasMessageStartingWith("REALTIME_MANAGEMENT_PORT: must differ from REALTIME_PORT");
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_LOG_FORMAT", "JSON")))
        .hasMessageStartingWith("REALTIME_LOG_FORMAT: must be text or json");
  }

  @Test
  void checkConfigPrintsTheEffectiveConfigurationWithSecretsMasked() throws IOException {
    Map<String, String> vars = new HashMap<>();
    vars.put("REALTIME_PORT", "9090");
    vars.put("REALTIME_JWT_SECRET_FILE", file("jwt", SECRET).toString());
    vars.put("REALTIME_REDIS_URL", "redis://default:redis-pw@redis.internal:6379/0");
    vars.put("REALTIME_MONGO_URI", "mongodb://rt:mongo-pw@mongo.internal/realtime");
    vars.put("REALTIME_KAFKA_BOOTSTRAP_SERVERS", "k:9093");
    vars.put("REALTIME_KAFKA_PROPERTY_SSL_KEY_PASSWORD", "kafka-pw");
    vars.put("REALTIME_KAFKA_PROPERTY_SECURITY_PROTOCOL", "SSL");

    Run run = checkConfig(vars);

    assertThat(run.code).isZero();
    assertThat(run.out)
        .contains("REALTIME_PORT=9090")
        .contains("REALTIME_SHUTDOWN_GRACE_SECONDS=10") // a default is printed too
        .contains("REALTIME_JWT_SECRET=****")
        .contains("REALTIME_REDIS_URL=redis://default:****@redis.internal:6379/0")
        .contains("REALTIME_MONGO_URI=mongodb://rt:****@mongo.internal/realtime")
        .contains("REALTIME_KAFKA_PROPERTY_SSL_KEY_PASSWORD=****")
        .contains("REALTIME_KAFKA_PROPERTY_SECURITY_PROTOCOL=SSL")
        .contains("# kafka client property ssl.key.password=****")
        .contains("# configuration OK")
        .doesNotContain(SECRET, "redis-pw", "mongo-pw", "kafka-pw");
    assertThat(run.err).isEmpty();
  }

  @Test
  void checkConfigExitsNonZeroNamingTheVariable() {
    Run run = checkConfig(Map.of("REALTIME_PORT", "eighty"));
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err)
        .isEqualTo("Configuration error: REALTIME_PORT: must be an integer, was 'eighty'\n");
    assertThat(run.out).isEmpty();
  }

  @Test
  void checkConfigWarnsOfDevelopmentMode() {
    Run run = checkConfig(Map.of());
    assertThat(run.code).isZero();
    assertThat(run.out).contains("REALTIME_JWT_SECRET=(unset)", "WARNING: no REALTIME_JWT_SECRET");
  }

  private record Run(int code, String out, String err) {}

  private static Run checkConfig(Map<String, String> vars) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        CheckConfig.run(
            vars,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
