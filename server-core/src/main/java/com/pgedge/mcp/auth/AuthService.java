package com.pgedge.mcp.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The auth core's one facade (ARCHITECTURE.md). The HTTP server, the CLI and the console call
 * this and nothing below it: they never read the YAML files or touch the rate limiter directly.
 *
 * <p>Thread safety: every method may be called from any thread. Reads are lock-free against an
 * immutable snapshot; admin edits take the file lock, re-read, apply, write atomically and swap
 * the snapshot. {@link #login} runs bcrypt and so blocks for ~250 ms: never call it on an
 * Undertow I/O thread or the JavaFX application thread. {@link #checkBearer} never blocks.
 */
public final class AuthService implements AutoCloseable {

    private AuthService() {
    }

    /**
     * Opens the store: loads both files (a missing file is an empty store and is created on the
     * first write), opens the audit log. Does not start watching; call {@link #start()}.
     *
     * @throws AuthException when a file exists but cannot be read or parsed; the message names
     *                       the file and the problem
     */
    public static AuthService open(AuthSettings settings, Clock clock) {
        throw new UnsupportedOperationException("auth core not implemented yet");
    }

    /** Starts hot reload (folder watch, 100 ms debounce) and the 5-minute expired-token cleanup. */
    public void start() {
        throw new UnsupportedOperationException();
    }

    /** Stops the watcher and the cleanup; no reload happens after this returns. Idempotent. */
    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }

    public AuthSettings settings() {
        throw new UnsupportedOperationException();
    }

    // ---- the edge -------------------------------------------------------------------------

    /**
     * Checks a presented bearer token (API or session): SHA-256 and a hash-map lookup, constant
     * cost whatever the number of tokens. An unknown, expired or disabled-user token counts as a
     * failure for {@code clientAddress}; while that address is over the limit the answer is
     * {@link BearerResult.Status#RATE_LIMITED}. A valid token is accepted even from a blocked address.
     */
    public BearerResult checkBearer(String presentedToken, String clientAddress) {
        throw new UnsupportedOperationException();
    }

    /**
     * Checks a username and password (bcrypt, blocking) and on success opens a 24-hour session.
     * Unknown users are checked against a dummy hash so timing does not tell them apart. Counts
     * failures per address and per account, locks the account at the threshold (written to the
     * user file at once), resets the counter on success.
     */
    public LoginResult login(String username, String password, String clientAddress) {
        throw new UnsupportedOperationException();
    }

    // ---- tokens ---------------------------------------------------------------------------

    /**
     * Creates a token, writes the token file, and returns the plaintext once.
     *
     * @param annotation note, may be empty
     * @param expiry     lifetime from now, or {@code null} for never
     * @param database   database to bind the token to, or {@code null}
     */
    public CreatedToken addToken(String annotation, Duration expiry, String database) {
        throw new UnsupportedOperationException();
    }

    /**
     * Removes a token by id or by a hash prefix of at least 8 characters.
     *
     * @throws AuthException when nothing matches, or when a prefix matches several tokens
     *                       (the message lists their ids)
     */
    public TokenRecord removeToken(String idOrHashPrefix) {
        throw new UnsupportedOperationException();
    }

    /** Removes every expired token from the file; returns how many. */
    public int removeExpiredTokens() {
        throw new UnsupportedOperationException();
    }

    /** Every token, sorted by id, including expired ones. */
    public List<TokenRecord> tokens() {
        throw new UnsupportedOperationException();
    }

    // ---- users ----------------------------------------------------------------------------

    /** @throws AuthException for a duplicate or invalid username, or an empty or over-72-byte password */
    public UserRecord addUser(String username, String password, String annotation) {
        throw new UnsupportedOperationException();
    }

    /**
     * Changes a user's password and/or annotation; {@code null} leaves that field alone.
     * Active sessions stay valid (seed guide).
     */
    public UserRecord updateUser(String username, String newPassword, String newAnnotation) {
        throw new UnsupportedOperationException();
    }

    /** Deletes a user and ends their sessions. */
    public void deleteUser(String username) {
        throw new UnsupportedOperationException();
    }

    /** Enables the account and resets its failed-attempt counter: this is "unlock". */
    public UserRecord enableUser(String username) {
        throw new UnsupportedOperationException();
    }

    /** Disables the account and ends its sessions. */
    public UserRecord disableUser(String username) {
        throw new UnsupportedOperationException();
    }

    /** Every user, sorted by username. */
    public List<UserRecord> users() {
        throw new UnsupportedOperationException();
    }

    /** Number of live sessions of a user (for the console). */
    public int activeSessions(String username) {
        throw new UnsupportedOperationException();
    }

    // ---- rate limiter ---------------------------------------------------------------------

    /** Addresses currently over the limit, most failures first. */
    public List<BlockedAddress> blockedAddresses() {
        throw new UnsupportedOperationException();
    }

    /** Forgets the failures of one address key (as listed by {@link #blockedAddresses()}). */
    public void clearAddress(String key) {
        throw new UnsupportedOperationException();
    }

    // ---- listeners ------------------------------------------------------------------------

    /** Subscribes to every auth event (also written to the audit log). */
    public Subscription addListener(AuthEventListener listener) {
        throw new UnsupportedOperationException();
    }

    /**
     * Subscribes to revocations: called with the token hash whenever an API token leaves the
     * store (removed, expired) or a session ends (expired, user disabled or deleted, capped), so
     * that the database layer can close that token's connection pools. Never logged.
     */
    public Subscription addRevocationListener(Consumer<String> tokenHashListener) {
        throw new UnsupportedOperationException();
    }
}
