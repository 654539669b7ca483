package bd.com.getit.archfixture.testsupport;

/** A test server of the fixture, for the planted violation of {@code DeltaAdapter}. */
public class FakeServer {
  public String url() {
    return "redis://127.0.0.1:1";
  }
}
