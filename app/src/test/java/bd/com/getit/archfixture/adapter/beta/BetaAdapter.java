package bd.com.getit.archfixture.adapter.beta;

/** Planted violation: an adapter that reaches into the core. */
public class BetaAdapter {
  public Object core() {
    return new bd.com.getit.archfixture.core.LeakyService();
  }
}
