package bd.com.getit.realtime.adapter.websocket.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.adapter.websocket.socketio.Handshake;
import bd.com.getit.realtime.domain.Language;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  private static Handshake handshake(String authLocale, String acceptLanguage) {
    ObjectNode auth = JsonNodeFactory.instance.objectNode();
    if (authLocale != null) {
      auth.put("locale", authLocale);
    }
    Map<String, List<String>> headers =
        acceptLanguage == null ? Map.of() : Map.of("Accept-Language", List.of(acceptLanguage));
    return new Handshake(
        "e1",
        "/realtime",
        auth,
        Map.of(),
        headers,
        "127.0.0.1",
        "websocket",
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void theAuthLocaleWinsOverAcceptLanguage() {
    assertThat(Credentials.language(handshake("bn", "en-US,en;q=0.9"))).contains(Language.BN);
    assertThat(Credentials.language(handshake("en-GB", "bn-BD"))).contains(Language.EN);
  }

  @Test
  void acceptLanguageGivesItsFirstKnownLanguageByWeight() {
    assertThat(Credentials.language(handshake(null, "bn-BD,bn;q=0.9,en;q=0.8")))
        .contains(Language.BN);
    assertThat(Credentials.language(handshake(null, "fr-FR,en;q=0.5,bn;q=0.7")))
        .contains(Language.BN);
    assertThat(Credentials.language(handshake(null, "fr, de;q=0.5"))).isEmpty();
  }

  @Test
  void anUnknownOrMalformedAskFallsThrough() {
    assertThat(Credentials.language(handshake("klingon", "en"))).contains(Language.EN);
    assertThat(Credentials.language(handshake(null, ";;;q=x"))).isEmpty();
    assertThat(Credentials.language(handshake(null, null))).isEmpty();
  }
}
