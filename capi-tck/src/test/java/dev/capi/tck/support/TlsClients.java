package dev.capi.tck.support;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

/** HTTP clients for a mutual-TLS endpoint, from PEM files (CA, certificate, PKCS#8 key), with the JDK alone. */
public final class TlsClients {
    private TlsClients() {
    }

    /** Trusts {@code ca}; presents {@code cert}/{@code key} when both are given, no client certificate otherwise. */
    public static HttpClient client(Path ca, Path cert, Path key) {
        try {
            char[] none = new char[0];
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, none);
            int i = 0;
            for (Certificate c : certificates(ca)) {
                trust.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (cert != null && key != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, none);
                String pem = Files.readString(key).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                var privateKey = KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
                keys.setKeyEntry("client", privateKey, none, certificates(cert).toArray(new Certificate[0]));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, none);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a TLS client from " + ca + ": " + e.getMessage(), e);
        }
    }

    private static java.util.Collection<? extends Certificate> certificates(Path pem)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
    }
}
