package bd.com.getit.archfixture.json;

/** Planted violation: the shared JSON module reaching into an adapter. */
public class LeakyBridge {
  public Object adapter() {
    return new bd.com.getit.archfixture.adapter.alpha.AlphaAdapter();
  }
}
