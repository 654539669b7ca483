package bd.com.getit.archfixture.adapter.alpha;

/** Planted violation: an adapter using another adapter. */
public class AlphaAdapter {
  public Object other() {
    return new bd.com.getit.archfixture.adapter.beta.BetaAdapter();
  }
}
