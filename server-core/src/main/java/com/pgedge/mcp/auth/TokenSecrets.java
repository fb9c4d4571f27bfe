package com.pgedge.mcp.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes and digests bearer secrets (SPEC §1.1, §3.1): 32 bytes from {@link SecureRandom},
 * base64 URL-safe with {@code =} padding (44 characters); stored only as lowercase hex SHA-256.
 */
public final class TokenSecrets {

    /** Length of every token this product issues. */
    public static final int TOKEN_LENGTH = 44;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder();
    private static final HexFormat HEX = HexFormat.of();
    /** Looking up a MessageDigest costs about as much as hashing a token: keep one per thread. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(TokenSecrets::newSha256);

    private TokenSecrets() {
    }

    /** A fresh random token (API or session). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** Lowercase hex SHA-256 of the token's UTF-8 bytes: what the token file stores. */
    public static String sha256Hex(String token) {
        return HEX.formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] data) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest.digest(data);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
