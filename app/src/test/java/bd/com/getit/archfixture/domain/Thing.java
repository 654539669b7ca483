package bd.com.getit.archfixture.domain;

/** Planted violation: a domain type that knows the core. */
public class Thing {
  public Object service() {
    return new bd.com.getit.archfixture.core.LeakyService();
  }
}
