package dev.capi.server.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The standalone default's private CA for the internal listener: on first start it writes {@code ca.crt},
 * {@code server.crt}/{@code server.key} (for the listener) and {@code client.crt}/{@code client.key} (for local
 * components and tests), PEM, into a directory; later starts reuse them.
 */
public final class LocalCertificateAuthority {
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private LocalCertificateAuthority() {
    }

    /** Creates the five files unless {@code ca.crt} already exists; returns the directory's material. */
    public static TlsMaterial ensure(Path dir, String... serverNames) {
        Path ca = dir.resolve("ca.crt");
        if (!Files.exists(ca)) {
            generate(dir, serverNames);
        }
        return new TlsMaterial(ca, dir.resolve("server.crt"), dir.resolve("server.key"));
    }

    private static void generate(Path dir, String... serverNames) {
        try {
            Files.createDirectories(dir);
            KeyPair caKeys = rsa();
            X500Name caName = new X500Name("CN=capi internal CA");
            X509Certificate caCert = sign(caName, caKeys, caName, caKeys, true, null, null);
            KeyPair serverKeys = rsa();
            X509Certificate server = sign(caName, caKeys, new X500Name("CN=" + serverNames[0]), serverKeys, false,
                    KeyPurposeId.id_kp_serverAuth, serverNames);
            KeyPair clientKeys = rsa();
            X509Certificate client = sign(caName, caKeys, new X500Name("CN=capi internal client"), clientKeys, false,
                    KeyPurposeId.id_kp_clientAuth, null);
            write(dir.resolve("ca.crt"), pem(caCert), false);
            write(dir.resolve("ca.key"), pem(caKeys.getPrivate()), true);
            write(dir.resolve("server.crt"), pem(server), false);
            write(dir.resolve("server.key"), pem(serverKeys.getPrivate()), true);
            write(dir.resolve("client.crt"), pem(client), false);
            write(dir.resolve("client.key"), pem(clientKeys.getPrivate()), true);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot create the internal CA in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Name issuer, KeyPair issuerKeys, X500Name subject, KeyPair subjectKeys,
                                        boolean ca, KeyPurposeId purpose, String[] dnsNames)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)), subject, subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        }
        if (dnsNames != null) {
            GeneralName[] names = new GeneralName[dnsNames.length];
            for (int i = 0; i < dnsNames.length; i++) {
                boolean ip = dnsNames[i].matches("[0-9.]+|.*:.*");
                names[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, dnsNames[i]);
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /** Certificates as CERTIFICATE, private keys as PKCS#8 PRIVATE KEY (readable by the JDK alone). */
    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (object instanceof java.security.PrivateKey key) {
                writer.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null));
            } else {
                writer.writeObject(object);
            }
        }
        return out.toString();
    }

    private static void write(Path file, String content, boolean secret) throws IOException {
        Files.writeString(file, content);
        if (secret) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        }
    }
}
