package com.pgedge.mcp.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Builds the server's TLS context from PEM files, the format the reference server and every
 * certificate tool use: a certificate, a private key (PKCS#8 {@code PRIVATE KEY} or PKCS#1
 * {@code RSA PRIVATE KEY}) and an optional chain of intermediates. Checks that key and
 * certificate belong together, so a mix-up fails at start-up rather than in every handshake.
 */
public final class PemSslContext {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)-----END \\1-----");

    private PemSslContext() {
    }

    public static SSLContext create(Path certFile, Path keyFile, Path chainFile) {
        if (certFile == null || keyFile == null) {
            throw new HttpServerException("TLS needs both a certificate file (-cert) and a key file (-key)");
        }
        List<X509Certificate> chain = new ArrayList<>(readCertificates(certFile));
        if (chainFile != null && !chainFile.toString().isBlank()) {
            chain.addAll(readCertificates(chainFile));
        }
        PrivateKey key = readKey(keyFile);
        checkPair(key, chain.get(0), certFile, keyFile);
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, password, chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new HttpServerException("Cannot set up TLS with " + certFile + ": " + e.getMessage(), e);
        }
    }

    /** The subject of the first certificate, for the start-up log. */
    public static String describe(Path certFile) {
        X509Certificate cert = readCertificates(certFile).get(0);
        return cert.getSubjectX500Principal().getName() + ", valid until " + cert.getNotAfter().toInstant();
    }

    private static List<X509Certificate> readCertificates(Path file) {
        String text = readText(file, "certificate");
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                if ("CERTIFICATE".equals(m.group(1))) {
                    byte[] der = Base64.getMimeDecoder().decode(m.group(2));
                    out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new HttpServerException("Cannot read certificate file " + file + ": " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new HttpServerException("No PEM certificate (-----BEGIN CERTIFICATE-----) in " + file);
        }
        return out;
    }

    private static PrivateKey readKey(Path file) {
        String text = readText(file, "key");
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2));
            } catch (IllegalArgumentException e) {
                throw new HttpServerException("Key file " + file + " is not valid PEM");
            }
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(der, file);
                case "RSA PRIVATE KEY":
                    return pkcs8(wrapPkcs1Rsa(der), file);
                case "ENCRYPTED PRIVATE KEY":
                    throw new HttpServerException("Key file " + file + " is encrypted; decrypt it first: "
                            + "openssl pkcs8 -in KEY -out server.key -nocrypt");
                case "EC PRIVATE KEY":
                    throw new HttpServerException("Key file " + file + " is in SEC1 format; convert it: "
                            + "openssl pkcs8 -topk8 -nocrypt -in KEY -out server.key");
                default:
                    // e.g. "EC PARAMETERS" ahead of the key: keep looking
            }
        }
        throw new HttpServerException("No PEM private key (-----BEGIN PRIVATE KEY-----) in " + file);
    }

    private static PrivateKey pkcs8(byte[] der, Path file) {
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "EdDSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new HttpServerException("Unsupported or damaged private key in " + file
                + " (RSA, EC and Ed25519 keys are supported)");
    }

    /** PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo, so the JDK's KeyFactory can read it. */
    private static byte[] wrapPkcs1Rsa(byte[] pkcs1) {
        byte[] version = {0x02, 0x01, 0x00};
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d,
            0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] octets = der(0x04, pkcs1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(version);
        body.writeBytes(algorithm);
        body.writeBytes(octets);
        return der(0x30, body.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static void checkPair(PrivateKey key, X509Certificate cert, Path certFile, Path keyFile) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] probe = "pgedge-postgres-mcp key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // fall through: a key of another type than the certificate's does not match either
        }
        throw new HttpServerException("The private key in " + keyFile + " does not match the certificate in "
                + certFile);
    }

    private static String readText(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            throw new HttpServerException("Cannot read TLS " + what + " file " + file + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
