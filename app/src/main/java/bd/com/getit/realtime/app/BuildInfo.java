package bd.com.getit.realtime.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What this build is: the version and the commit it was built from, stamped at build time into
 * {@code realtime-build.properties} (Maven's resource filtering and git-commit-id-maven-plugin). A
 * build outside a git checkout says {@code unknown} for the commit.
 */
record BuildInfo(String name, String version, String commit) {
  static final String NAME = "realtime";
  private static final String RESOURCE = "/realtime-build.properties";

  /** The stamped values, or {@code unknown} for any the build did not stamp. */
  static BuildInfo current() {
    Properties stamped = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        stamped.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new BuildInfo(NAME, stamped(stamped, "version"), stamped(stamped, "commit"));
  }

  private static String stamped(Properties stamped, String key) {
    String value = stamped.getProperty(key, "").strip();
    // An unfiltered placeholder means the build did not stamp it.
    return value.isEmpty() || value.startsWith("${") ? "unknown" : value;
  }
}
