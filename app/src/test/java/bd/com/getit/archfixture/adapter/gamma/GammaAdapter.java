package bd.com.getit.archfixture.adapter.gamma;

import bd.com.getit.archfixture.domain.Thing;
import bd.com.getit.archfixture.json.CleanBridge;

/** Allowed: an adapter using the ports and the shared JSON module, and nothing else of ours. */
public class GammaAdapter {
  public Object read() {
    return new CleanBridge().read(new Thing());
  }
}
