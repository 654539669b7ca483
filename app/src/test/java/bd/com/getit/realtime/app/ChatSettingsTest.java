package bd.com.getit.realtime.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatSettingsTest {

  @Test
  void noAttachmentHostIsAllowedByDefault() {
    AppConfig config = AppConfig.from(Map.of());

    assertThat(config.chat().attachmentHosts()).isEmpty();
    assertThat(config.chat().rules().attachmentHosts()).isEmpty();
  }

  @Test
  void attachmentHostsAreACommaSeparatedListOfHostNames() {
    AppConfig config =
        AppConfig.from(
            Map.of("REALTIME_ATTACHMENT_HOSTS", " cdn.getit.com.bd, Files.Example.com ,"));

    assertThat(config.chat().rules().attachmentHosts())
        .containsExactlyInAnyOrder("cdn.getit.com.bd", "files.example.com");
  }

  @Test
  void aUrlOrAPortIsNotAHostNameAndStopsTheStart() {
    for (String bad : new String[] {"https://cdn.getit.com.bd", "cdn.getit.com.bd:443", "a b"}) {
      assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_ATTACHMENT_HOSTS", bad)))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("REALTIME_ATTACHMENT_HOSTS:");
    }
  }
}
