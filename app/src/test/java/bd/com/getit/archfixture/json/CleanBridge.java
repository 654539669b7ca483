package bd.com.getit.archfixture.json;

import bd.com.getit.archfixture.domain.Thing;

/** Allowed: the shared JSON module uses the domain, Jackson and the JDK. */
public class CleanBridge {
  public Object read(Thing thing) {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(
        String.valueOf(thing));
  }
}
