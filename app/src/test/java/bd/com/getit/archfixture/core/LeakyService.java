package bd.com.getit.archfixture.core;

import bd.com.getit.archfixture.adapter.alpha.AlphaAdapter;

/** Planted violation: a core class using a test library and an adapter. */
public class LeakyService {
  public Object leak() {
    return org.assertj.core.api.Assertions.assertThat(new AlphaAdapter().toString());
  }
}
