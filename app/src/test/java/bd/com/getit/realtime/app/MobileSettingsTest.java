package bd.com.getit.realtime.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.adapter.websocket.engineio.Compression;
import bd.com.getit.realtime.domain.connection.LinkShaping;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MobileSettingsTest {

  @Test
  void compressionFromOneKibAndTheProtocolsWindowsByDefault() {
    MobileSettings mobile = AppConfig.from(Map.of()).mobile();

    assertThat(mobile.compression()).isEqualTo(Compression.DEFAULT);
    assertThat(mobile.shaping()).isEqualTo(LinkShaping.DEFAULT);
  }

  @Test
  void readsItsVariables() {
    MobileSettings mobile =
        AppConfig.from(
                Map.of(
                    "REALTIME_COMPRESSION", "off",
                    "REALTIME_COMPRESSION_THRESHOLD", "512",
                    "REALTIME_SLOW_WINDOW_2G_MS", "500",
                    "REALTIME_SLOW_WINDOW_3G_MS", "50"))
            .mobile();

    assertThat(mobile.compression()).isEqualTo(new Compression(false, 512));
    assertThat(mobile.shaping().window2g()).isEqualTo(Duration.ofMillis(500));
    assertThat(mobile.shaping().window3g()).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_COMPRESSION_THRESHOLD", "-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("REALTIME_COMPRESSION_THRESHOLD:");
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_COMPRESSION", "gzip")))
        .hasMessageStartingWith("REALTIME_COMPRESSION:");
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_SLOW_WINDOW_2G_MS", "0")))
        .hasMessageStartingWith("REALTIME_SLOW_WINDOW_2G_MS:");
  }
}
