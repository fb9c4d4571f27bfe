package com.pgedge.mcp.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.regex.Pattern;
import org.mindrot.jbcrypt.BCrypt;

/**
 * bcrypt for user passwords (SPEC §1.2, checklist 22-26), wrapped so that jBCrypt's sharp
 * edges never reach a caller: {@code $2b$}/{@code $2y$} are normalised to {@code $2a$} (jBCrypt
 * 0.4 throws on them), malformed hashes are refused before jBCrypt sees them, a null password is
 * never hashed (jBCrypt would hash the string "null"), and passwords are NFC-normalised when set
 * and when checked, so the same characters typed on two keyboards match.
 */
final class PasswordHasher {

    /** bcrypt ignores every byte after the 72nd, so longer passwords are refused. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int DEFAULT_COST = 12;

    private static final Pattern WELL_FORMED =
            Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|30)\\$[./A-Za-z0-9]{53}");

    private final int cost;
    private final SecureRandom random = new SecureRandom();
    private volatile String dummyHash;

    PasswordHasher(int cost) {
        if (cost < 4 || cost > 30) {
            throw new IllegalArgumentException("bcrypt cost must be between 4 and 30");
        }
        this.cost = cost;
    }

    int cost() {
        return cost;
    }

    /** NFC form of a password, as hashed and checked. */
    static String normalise(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFC);
    }

    /** Why a new password is unacceptable, or {@code null} when it is fine. Never echoes the password. */
    static String problemWith(String password) {
        if (password == null || password.isEmpty()) {
            return "Password must not be empty";
        }
        if (normalise(password).getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return "Password is longer than " + MAX_PASSWORD_BYTES + " bytes (bcrypt would ignore the rest)";
        }
        return null;
    }

    /** Hashes a new password ({@code $2a$}, the configured cost). */
    String hash(String password) {
        String problem = problemWith(password);
        if (problem != null) {
            throw new AuthException(problem);
        }
        return BCrypt.hashpw(normalise(password), BCrypt.gensalt(cost, random));
    }

    /** Whether a stored hash can be checked at all (reported at load time when it cannot). */
    static boolean isWellFormed(String hash) {
        return hash != null && WELL_FORMED.matcher(hash).matches();
    }

    /**
     * Checks a password against a stored hash. Never throws: a null or unusable password, or a
     * malformed hash, is {@code false} after the same amount of work as a real check.
     */
    boolean verify(String password, String storedHash) {
        boolean usable = password != null && problemWith(password) == null;
        if (!usable || !isWellFormed(storedHash)) {
            burn();
            return false;
        }
        return constantTimeCheck(normalise(password), "$2a$" + storedHash.substring(4));
    }

    /** Spends one bcrypt check at the configured cost, for unknown users (no timing difference). */
    void burn() {
        constantTimeCheck("not-a-password", dummyHash());
    }

    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            synchronized (this) {
                h = dummyHash;
                if (h == null) {
                    byte[] noise = new byte[16];
                    random.nextBytes(noise);
                    h = BCrypt.hashpw(java.util.HexFormat.of().formatHex(noise), BCrypt.gensalt(cost, random));
                    dummyHash = h;
                }
            }
        }
        return h;
    }

    /** Prepares the dummy hash now, so the first unknown-user login is not slower than the others. */
    void warmUp() {
        dummyHash();
    }

    private static boolean constantTimeCheck(String password, String hash) {
        try {
            String computed = BCrypt.hashpw(password, hash);
            return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                    hash.getBytes(StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            // jBCrypt signals bad salts with IllegalArgumentException; a login just fails.
            return false;
        }
    }
}
