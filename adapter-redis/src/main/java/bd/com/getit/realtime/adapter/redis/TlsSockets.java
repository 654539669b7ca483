package bd.com.getit.realtime.adapter.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;

/**
 * The JDK TLS objects for a {@link RedisTls}, built once per client and set on every Jedis
 * connection configuration that speaks TLS (one server, the sentinels, the primary).
 *
 * <p>The host name is checked by the JDK during the handshake ({@code HTTPS} endpoint
 * identification: subject alternative names, DNS or IP), so a server that fails it never sees a
 * byte of the client's, not even {@code AUTH}. Jedis's own {@code HostnameVerifier} hook would run
 * only after the handshake, and the JDK has no usable default one.
 *
 * <p>The handshake is done when the socket is made, not at the first command: a certificate the
 * client refuses, or a port that does not speak TLS, then fails the connection with the JDK's
 * reason instead of a broken pipe or a read time-out later.
 */
final class TlsSockets {
  private static final Logger LOG = LoggerFactory.getLogger(TlsSockets.class);

  /** Protects the in-memory key store only; it never leaves this process. */
  private static final char[] STORE_PASSWORD = "realtime".toCharArray();

  private final SSLContext context;
  private final boolean verifyHostname;
  private final SSLSocketFactory sockets;

  /** Sockets whose server asked for a client certificate this client does not have. */
  private final Set<Socket> askedForCertificate =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private final AtomicBoolean warnedNoCertificate = new AtomicBoolean();

  private TlsSockets(RedisTls tls) throws GeneralSecurityException, IOException {
    this.context = SSLContext.getInstance("TLS");
    this.context.init(keyManagers(tls), trustManagers(tls), null);
    this.verifyHostname = tls.verifyHostname();
    this.sockets = new Handshaking(context.getSocketFactory());
  }

  static TlsSockets of(RedisTls tls) {
    try {
      return new TlsSockets(tls);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot set up TLS for Redis with " + tls + ": " + e, e);
    }
  }

  /**
   * {@code config} speaking TLS with these sockets and parameters. Jedis 8 marks these setters
   * deprecated in favour of {@code SslOptions}, which reads key stores from files or URLs only; an
   * operator's PEM files become JDK objects here, which only the socket factory route accepts.
   */
  @SuppressWarnings("deprecation")
  DefaultJedisClientConfig.Builder applyTo(DefaultJedisClientConfig.Builder config) {
    return config.ssl(true).sslSocketFactory(sockets).sslParameters(parameters());
  }

  /** A fresh copy each time: {@link SSLParameters} is mutable and Jedis keeps what it is given. */
  SSLParameters parameters() {
    SSLParameters parameters = context.getDefaultSSLParameters();
    parameters.setEndpointIdentificationAlgorithm(verifyHostname ? "HTTPS" : null);
    return parameters;
  }

  /** Null (the JVM's default trust store) when no CA is configured. */
  private static TrustManager[] trustManagers(RedisTls tls)
      throws GeneralSecurityException, IOException {
    if (tls.trusted().isEmpty()) {
      return null;
    }
    KeyStore store = emptyStore();
    int i = 0;
    for (X509Certificate ca : tls.trusted()) {
      store.setCertificateEntry("ca-" + i++, ca);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  /** The client certificate; without one, a key manager that notes who asked for it. */
  private KeyManager[] keyManagers(RedisTls tls) throws GeneralSecurityException, IOException {
    if (tls.identity().isEmpty()) {
      return new KeyManager[] {new NoClientCertificate()};
    }
    RedisTls.ClientIdentity identity = tls.identity().get();
    KeyStore store = emptyStore();
    store.setKeyEntry(
        "client", identity.key(), STORE_PASSWORD, identity.chain().toArray(new X509Certificate[0]));
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, STORE_PASSWORD);
    return factory.getKeyManagers();
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    return store;
  }

  /**
   * With TLS 1.3 a server that requires a client certificate says so only after the client's side
   * of the handshake is done, by closing the connection: the client sees a broken pipe. That the
   * server asked, and the client had none, is known during the handshake; it is logged then.
   */
  private void afterHandshake(SSLSocket socket, String host, int port) {
    if (askedForCertificate.remove(socket) && warnedNoCertificate.compareAndSet(false, true)) {
      LOG.warn(
          "Redis at {}:{} asked for a client certificate and none is configured: a Redis with"
              + " tls-auth-clients yes closes the connection",
          host,
          port);
    }
  }

  /** Whether {@code e} comes from the connection (a time-out, a reset), not from TLS itself. */
  private static boolean brokenTransport(IOException e) {
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof IOException && !(t instanceof javax.net.ssl.SSLException)) {
        return true;
      }
    }
    return false;
  }

  /** Offers no certificate, and remembers that the server asked for one. */
  private final class NoClientCertificate extends X509ExtendedKeyManager {
    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      if (socket != null) {
        askedForCertificate.add(socket);
      }
      return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return null;
    }
  }

  /** Hands Jedis sockets whose handshake is done (Jedis layers TLS over its connected socket). */
  private final class Handshaking extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    Handshaking(SSLSocketFactory delegate) {
      this.delegate = delegate;
    }

    @Override
    public Socket createSocket(Socket plain, String host, int port, boolean autoClose)
        throws IOException {
      SSLSocket socket = (SSLSocket) delegate.createSocket(plain, host, port, autoClose);
      socket.setSSLParameters(parameters());
      try {
        socket.startHandshake();
      } catch (IOException e) {
        socket.close();
        if (e instanceof SSLHandshakeException && !brokenTransport(e)) {
          throw e; // the JDK's own reason: a certificate refused, a name that does not match
        }
        // A time-out, a reset or a reply that is no TLS record: typically a plaintext port.
        SSLHandshakeException failed =
            new SSLHandshakeException(
                "no TLS handshake with " + host + ":" + port + " (is it a TLS port?): " + e);
        failed.initCause(e);
        throw failed;
      }
      afterHandshake(socket, host, port);
      return socket;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort)
        throws IOException {
      return delegate.createSocket(host, port, local, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
        throws IOException {
      return delegate.createSocket(host, port, local, localPort);
    }
  }
}
