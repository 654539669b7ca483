package bd.com.getit.realtime.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.List;
import org.junit.jupiter.api.Test;

class PinnedKeySelectorTest {
  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private static JWSVerificationKeySelector<SecurityContext> nimbus() {
    return new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(SECRET));
  }

  @Test
  @SuppressWarnings("unchecked")
  void answersWhatNimbusSelectsAndRemembersIt() throws Exception {
    PinnedKeySelector selector = new PinnedKeySelector(nimbus());
    JWSHeader header = new JWSHeader(JWSAlgorithm.HS256);

    List<Key> first = (List<Key>) selector.selectJWSKeys(header, null);
    List<? extends Key> second = selector.selectJWSKeys(new JWSHeader(JWSAlgorithm.HS256), null);

    List<Key> expected = List.copyOf(nimbus().selectJWSKeys(header, null));
    assertThat(first).isEqualTo(expected).hasSize(1);
    assertThat(first.get(0).getEncoded()).isEqualTo(SECRET);
    assertThat(second).isSameAs(first);
    assertThat(selector.size()).isEqualTo(1);
  }

  @Test
  void refusesWhatNimbusRefusesEveryTime() throws Exception {
    PinnedKeySelector selector = new PinnedKeySelector(nimbus());
    JWSHeader otherAlgorithm = new JWSHeader(JWSAlgorithm.HS512);
    JWSHeader unknownKey = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("kid-1").build();

    for (int i = 0; i < 2; i++) {
      assertThat(selector.selectJWSKeys(otherAlgorithm, null)).isEmpty();
      assertThat(selector.selectJWSKeys(unknownKey, null)).isEmpty();
    }
    assertThat(nimbus().selectJWSKeys(unknownKey, null)).isEmpty();
  }

  @Test
  void keepsAtMostMaxEntries() throws Exception {
    PinnedKeySelector selector = new PinnedKeySelector(nimbus());
    for (int i = 0; i < PinnedKeySelector.MAX_ENTRIES * 3; i++) {
      selector.selectJWSKeys(
          new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k" + i).build(), null);
      assertThat(selector.size()).isLessThanOrEqualTo(PinnedKeySelector.MAX_ENTRIES);
    }
    assertThat(selector.selectJWSKeys(new JWSHeader(JWSAlgorithm.HS256), null)).hasSize(1);
  }
}
