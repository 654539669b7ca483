package bd.com.getit.archfixture.core;

/** Planted violation: a core class using the adapters' JSON bridge (and so Jackson). */
public class BridgedService {
  public Object read() {
    return new bd.com.getit.archfixture.json.CleanBridge().read(null);
  }
}
