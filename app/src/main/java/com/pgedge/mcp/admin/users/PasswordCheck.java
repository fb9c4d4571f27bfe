package com.pgedge.mcp.admin.users;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Judges a new password while it is typed: whether it can be used at all (not empty, at most
 * 72 bytes, both fields equal) and how strong it looks. The core enforces the hard rules again;
 * this is only for feedback.
 *
 * @param acceptable whether the dialog may submit it
 * @param strength   0 (empty) .. 4 (strong)
 * @param message    what to tell the person, never the password itself
 */
public record PasswordCheck(boolean acceptable, int strength, String message) {

    /** bcrypt uses only the first 72 bytes of a password; longer ones are refused (SPEC §1.2). */
    public static final int MAX_BYTES = 72;

    public static PasswordCheck of(String password, String confirmation) {
        if (password == null || password.isEmpty()) {
            return new PasswordCheck(false, 0, "Enter a password.");
        }
        // The core normalises to NFC before hashing; count the bytes it will hash.
        int bytes = Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return new PasswordCheck(false, 0, "Too long: " + bytes + " bytes. Passwords are limited to "
                    + MAX_BYTES + " bytes (UTF-8) because bcrypt ignores everything after that; "
                    + "letters outside ASCII take 2 to 4 bytes each.");
        }
        int strength = strength(password);
        String label = switch (strength) {
            case 0, 1 -> "Weak";
            case 2 -> "Fair";
            case 3 -> "Good";
            default -> "Strong";
        };
        if (confirmation == null || !confirmation.equals(password)) {
            return new PasswordCheck(false, strength, label + ". The two passwords do not match yet.");
        }
        String hint = strength < 3 ? " Longer is better: 12 or more characters, or a few random words." : "";
        return new PasswordCheck(true, strength, label + " (" + bytes + " of " + MAX_BYTES + " bytes)." + hint);
    }

    /** A rough score from length and variety: long passphrases score well without symbols. */
    static int strength(String p) {
        int classes = 0;
        classes += p.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += p.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += p.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += p.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        int len = p.codePointCount(0, p.length());
        if (len < 8) {
            return 1;
        }
        if (len >= 20) {
            return 4;
        }
        if (len >= 12) {
            return classes >= 3 ? 4 : 3;
        }
        return classes >= 3 ? 3 : 2;
    }
}
