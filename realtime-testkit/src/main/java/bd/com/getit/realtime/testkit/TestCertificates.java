package bd.com.getit.realtime.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway certificates for TLS tests, made by the {@code openssl} command line (P-256 keys, valid
 * two days, PKCS#8 keys as OpenSSL 3 writes them) in a directory of the test's. Certificates are
 * test data a real TLS server needs; generating them keeps no key in the repository.
 */
public final class TestCertificates {
  private final Path dir;
  private final String name;

  /** A certificate and its private key, as PEM files. */
  public record Issued(Path certificate, Path key) {}

  private TestCertificates(Path dir, String name) {
    this.dir = dir;
    this.name = name;
  }

  /** A new self-signed certificate authority called {@code name}, in {@code dir}. */
  public static TestCertificates authority(Path dir, String name) {
    TestCertificates ca = new TestCertificates(dir, name);
    openssl(
        dir,
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        name + ".key",
        "-out",
        name + ".crt",
        "-days",
        "2",
        "-subj",
        "/CN=" + name);
    return ca;
  }

  /** The authority's certificate: what a client or a server trusts. */
  public Path certificate() {
    return dir.resolve(name + ".crt");
  }

  /**
   * A certificate for {@code subject} signed by this authority, naming {@code alternativeNames}
   * (such as {@code DNS:localhost} or {@code IP:127.0.0.1}) as its subject alternative names.
   */
  public Issued issue(String subject, String... alternativeNames) {
    try {
      Path extensions = dir.resolve(subject + ".ext");
      Files.writeString(
          extensions,
          alternativeNames.length == 0
              ? "basicConstraints=CA:FALSE\n"
              : "subjectAltName=" + String.join(",", alternativeNames) + "\n");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    openssl(
        dir,
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        subject + ".key",
        "-out",
        subject + ".csr",
        "-subj",
        "/CN=" + subject);
    openssl(
        dir,
        "x509",
        "-req",
        "-in",
        subject + ".csr",
        "-CA",
        name + ".crt",
        "-CAkey",
        name + ".key",
        "-CAcreateserial",
        "-out",
        subject + ".crt",
        "-days",
        "2",
        "-extfile",
        subject + ".ext");
    return new Issued(dir.resolve(subject + ".crt"), dir.resolve(subject + ".key"));
  }

  /** Runs {@code openssl args} in {@code dir}; fails with its output if it fails. */
  public static void openssl(Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException("the TLS tests need the openssl command: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
