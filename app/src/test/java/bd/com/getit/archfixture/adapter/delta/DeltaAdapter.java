package bd.com.getit.archfixture.adapter.delta;

import bd.com.getit.archfixture.testsupport.FakeServer;

/** Planted violation: production code that uses a test server. */
public class DeltaAdapter {
  public String target() {
    return new FakeServer().url();
  }
}
