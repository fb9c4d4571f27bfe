package com.pgedge.mcp.auth;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token lifetime as typed on the CLI or in the console (SPEC §1.1): {@code <int><unit>} with
 * {@code h} (hours), {@code d} (days), {@code w} (weeks), {@code m} (30 days), {@code y}
 * (365 days), or {@code never}. Shared by the CLI and the console so both accept exactly the
 * same spellings.
 *
 * @param text     the normalised spelling ({@code "30d"}, {@code "never"})
 * @param duration the lifetime, or {@code null} for {@code never}
 */
public record ExpiryDuration(String text, Duration duration) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})([hdwmy])");

    /** The value that means "never expires". */
    public static final ExpiryDuration NEVER = new ExpiryDuration("never", null);

    /**
     * Parses an expiry such as {@code 90d} or {@code never} (case-insensitive, surrounding spaces
     * ignored).
     *
     * @throws AuthException with a message that shows the accepted forms
     */
    public static ExpiryDuration parse(String input) {
        if (input == null || input.isBlank()) {
            throw invalid(input);
        }
        String text = input.trim().toLowerCase(Locale.ROOT);
        if (text.equals("never")) {
            return NEVER;
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw invalid(input);
        }
        long amount = Long.parseLong(m.group(1));
        if (amount == 0) {
            throw new AuthException("Expiry must be at least 1 (got '" + input.trim() + "'); use <number><unit> or 'never'");
        }
        Duration d = switch (m.group(2)) {
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            case "w" -> Duration.ofDays(amount * 7);
            case "m" -> Duration.ofDays(amount * 30);
            case "y" -> Duration.ofDays(amount * 365);
            default -> throw invalid(input);
        };
        return new ExpiryDuration(text, d);
    }

    /** True for {@code never}. */
    public boolean isNever() {
        return duration == null;
    }

    /** The lifetime, empty for {@code never}. */
    public Optional<Duration> asOptional() {
        return Optional.ofNullable(duration);
    }

    private static AuthException invalid(String input) {
        String shown = input == null ? "" : input.trim();
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "...";
        }
        return new AuthException("Invalid expiry '" + shown
                + "': use <number><unit> with unit h (hours), d (days), w (weeks), m (30 days), y (365 days), or 'never'");
    }

    @Override
    public String toString() {
        return text;
    }
}
