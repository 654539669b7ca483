package bd.com.getit.realtime.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MongoSettingsTest {

  @Test
  void withoutAUriHistoryStaysInMemory() {
    assertThat(AppConfig.from(Map.of("REALTIME_MONGO_DATABASE", "x")).mongo()).isEmpty();
  }

  @Test
  void aUriAloneGetsTheDefaults() {
    MongoSettings mongo =
        AppConfig.from(Map.of("REALTIME_MONGO_URI", "mongodb://db:27017")).mongo().orElseThrow();

    assertThat(mongo)
        .isEqualTo(
            new MongoSettings(
                "mongodb://db:27017", "realtime", Duration.ofDays(30), Duration.ofDays(30)));
  }

  @Test
  void readsTheDatabaseAndTheEventRetention() {
    MongoSettings mongo =
        AppConfig.from(
                Map.of(
                    "REALTIME_MONGO_URI", "mongodb://db:27017",
                    "REALTIME_MONGO_DATABASE", "shop_realtime",
                    "REALTIME_MONGO_EVENT_RETENTION_DAYS", "7",
                    "REALTIME_MONGO_CONNECTION_RETENTION_DAYS", "90"))
            .mongo()
            .orElseThrow();

    assertThat(mongo.database()).isEqualTo("shop_realtime");
    assertThat(mongo.eventRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(mongo.connectionRetention()).isEqualTo(Duration.ofDays(90));
  }

  @Test
  void aBadRetentionNamesTheVariable() {
    assertThatThrownBy(
            () ->
                AppConfig.from(
                    Map.of(
                        "REALTIME_MONGO_URI", "mongodb://db:27017",
                        "REALTIME_MONGO_EVENT_RETENTION_DAYS", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("REALTIME_MONGO_EVENT_RETENTION_DAYS:");
  }
}
