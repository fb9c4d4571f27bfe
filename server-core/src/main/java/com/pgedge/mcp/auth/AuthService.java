package com.pgedge.mcp.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auth core's one facade (ARCHITECTURE.md). The HTTP server, the CLI and the console call
 * this and nothing below it: they never read the YAML files or touch the rate limiter directly.
 *
 * <p>Thread safety: every method may be called from any thread. Reads are lock-free against an
 * immutable snapshot; admin edits take the file lock, re-read, apply, write atomically and swap
 * the snapshot. {@link #login} runs bcrypt and so blocks for ~250 ms: never call it on an
 * Undertow I/O thread or the JavaFX application thread. {@link #checkBearer} never blocks.
 * Admin methods do file I/O (and bcrypt for passwords): call them off the UI thread too.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (AuthService auth = AuthService.open(settings, Clock.systemUTC())) {
 *     auth.start();                         // servers and the console; the CLI need not
 *     BearerResult r = auth.checkBearer(token, peerAddress);
 * }
 * }</pre>
 * Always close it: closing stops the watcher and flushes the audit log.
 */
public final class AuthService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);

    /** How often expired tokens and sessions leave memory (SPEC §1.1). */
    static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(5);
    static final Duration DEBOUNCE = Duration.ofMillis(100);
    /** How long an emptied file is given to get its new content before it counts as empty. */
    static final Duration EMPTY_FILE_RECHECK = Duration.ofMillis(500);
    /** Longest bearer token even looked at; ours are 44 characters. */
    private static final int MAX_TOKEN_LENGTH = 512;
    private static final int MAX_USERNAME_LENGTH = LoginCheck.MAX_USERNAME_LENGTH;

    private final AuthSettings settings;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final CredentialFile<TokenFile.Content> tokens;
    private final CredentialFile<UserFile.Content> users;
    private final SessionStore sessions;
    private final LoginRateLimiter limiter;
    private final AuditLog audit;
    private final List<AuthEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> revocationListeners = new CopyOnWriteArrayList<>();
    private final LoginCheck logins;
    private final ScheduledThreadPoolExecutor scheduler;
    private volatile CredentialFileWatcher watcher;
    private volatile boolean closed;
    private volatile boolean userFileMissingWarned;
    private volatile boolean tokenFileMissingWarned;

    private AuthService(AuthSettings settings, Clock clock, int bcryptCost) {
        this.settings = absolute(settings);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hasher = new PasswordHasher(bcryptCost);
        this.tokens = new CredentialFile<>(this.settings.tokenFile(), TokenFile.CODEC);
        this.users = new CredentialFile<>(this.settings.userFile(), UserFile.CODEC);
        this.sessions = new SessionStore(clock, this.settings.sessionLifetime(), this.settings.maxSessionsPerUser(),
                this::sessionEnded);
        this.limiter = new LoginRateLimiter(clock, this.settings.rateLimitWindow(), this.settings.rateLimitMaxAttempts(),
                LoginRateLimiter.DEFAULT_MAX_ADDRESSES);
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "pgedge-auth-scheduler");
            t.setDaemon(true);
            return t;
        });
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.audit = new AuditLog(this.settings.effectiveAuditFile());
        this.logins = new LoginCheck(this.settings, clock, hasher, users, sessions, limiter, this::publish);
        tokens.onChange(this::tokensChanged);
        users.onChange(this::usersChanged);
    }

    /**
     * Opens the store: loads both files (a missing file is an empty store and is created on the
     * first write), opens the audit log. Does not start watching; call {@link #start()}.
     *
     * @throws AuthException when a file exists but cannot be read or parsed; the message names
     *                       the file and the problem
     */
    public static AuthService open(AuthSettings settings, Clock clock) {
        return open(settings, clock, PasswordHasher.DEFAULT_COST);
    }

    /** {@link #open(AuthSettings, Clock)} with the system UTC clock. */
    public static AuthService open(AuthSettings settings) {
        return open(settings, Clock.systemUTC());
    }

    /**
     * Like {@link #open(AuthSettings, Clock)} with a different bcrypt cost for new hashes and
     * for the unknown-user dummy hash. Production uses 12 (SPEC §1.2); a lower cost is only for
     * tests, where 250 ms per hash adds up.
     */
    public static AuthService open(AuthSettings settings, Clock clock, int bcryptCost) {
        Objects.requireNonNull(settings, "settings");
        AuthService service = new AuthService(settings, clock, bcryptCost);
        try {
            service.tokens.load();
            service.users.load();
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        service.reportFileProblems(service.tokens.path());
        service.reportFileProblems(service.users.path());
        service.reportMalformedHashes(service.users.content());
        return service;
    }

    /** Starts hot reload (folder watch, 100 ms debounce) and the 5-minute expired-token cleanup. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("AuthService is closed");
        }
        if (watcher != null) {
            return;
        }
        try {
            watcher = new CredentialFileWatcher(List.of(
                    new CredentialFileWatcher.Target(tokens.path(), this::reloadTokens),
                    new CredentialFileWatcher.Target(users.path(), this::reloadUsers)), DEBOUNCE, scheduler);
        } catch (IOException e) {
            throw new AuthException("Cannot watch the credential files' folder: " + CredentialFileWriter.reason(e), e);
        }
        // A change between open() and the watch would otherwise go unseen.
        scheduler.execute(() -> {
            reloadTokens();
            reloadUsers();
        });
        scheduler.execute(this::removeExpiredFromMemory);
        scheduler.scheduleWithFixedDelay(this::removeExpiredFromMemory, CLEANUP_INTERVAL.toMillis(),
                CLEANUP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.execute(hasher::warmUp);
    }

    /** Stops the watcher and the cleanup; no reload happens after this returns. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        CredentialFileWatcher w = watcher;
        if (w != null) {
            w.close();
        }
        scheduler.shutdownNow();
        logins.close();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        audit.close();
    }

    public AuthSettings settings() {
        return settings;
    }

    /** The token file, absolute. */
    public Path tokenFile() {
        return tokens.path();
    }

    /** The user file, absolute. */
    public Path userFile() {
        return users.path();
    }

    /** The JSON-lines audit file this service appends to (read it with {@link AuditLogReader}). */
    public Path auditFile() {
        return audit.file();
    }

    // ---- the edge -------------------------------------------------------------------------

    /**
     * Checks a presented bearer token (API or session): SHA-256 and a hash-map lookup, constant
     * cost whatever the number of tokens. An unknown, expired or disabled-user token counts as a
     * failure for {@code clientAddress}; while that address is over the limit the answer is
     * {@link BearerResult.Status#RATE_LIMITED}. A valid token is accepted even from a blocked address.
     * Never blocks and never throws for any input.
     */
    public BearerResult checkBearer(String presentedToken, String clientAddress) {
        String reason = "missing token";
        String subject = null;
        if (presentedToken != null && !presentedToken.isEmpty() && presentedToken.length() <= MAX_TOKEN_LENGTH) {
            String hash = TokenSecrets.sha256Hex(presentedToken);
            Instant now = clock.instant();
            TokenRecord token = tokens.content().byHash().get(hash);
            if (token != null) {
                if (!token.isExpired(now)) {
                    return BearerResult.accepted(new AuthPrincipal(AuthPrincipal.Kind.API_TOKEN, token.id(), hash,
                            token.database()));
                }
                reason = "expired token";
                subject = token.id();
            } else {
                SessionStore.Session session = sessions.find(hash);
                UserFile.Entry user = session == null ? null : users.content().find(session.username());
                if (user != null && user.record().enabled()) {
                    return BearerResult.accepted(new AuthPrincipal(AuthPrincipal.Kind.SESSION,
                            user.record().username(), hash, null));
                }
                reason = session == null ? "unknown token" : "session of a disabled user";
            }
        } else if (presentedToken != null && !presentedToken.isEmpty()) {
            reason = "malformed token";
        }
        String key = AddressKey.of(clientAddress);
        Duration blocked = limiter.blockedFor(key);
        if (blocked != null) {
            publish(AuthEventType.RATE_LIMITED, null, clientAddress, subject, "bearer token refused while blocked");
            return BearerResult.rateLimited(blocked);
        }
        limiter.recordFailure(key);
        publish(AuthEventType.TOKEN_REJECTED, null, clientAddress, subject, reason);
        return BearerResult.rejected();
    }

    /**
     * Checks a username and password (bcrypt, blocking) and on success opens a 24-hour session.
     * Unknown users are checked against a dummy hash so timing does not tell them apart. Counts
     * failures per address and per account, locks the account at the threshold, resets the
     * counter on success. Never throws for any input.
     *
     * <p>The account's new state (counter, lock, last login) is in memory when this returns, so
     * the next attempt sees it; the user file gets it a few milliseconds later from a background
     * thread, because waiting for that write would make wrong passwords slower than unknown
     * users. {@link #flush()} waits for it; admin edits and {@link #close()} do so themselves.
     *
     * <p>At most a few bcrypt checks run at once (one per core); further logins wait in a
     * bounded queue, and beyond it are refused at once with
     * {@link LoginResult.FailureReason#BUSY} rather than piling up.
     */
    public LoginResult login(String username, String password, String clientAddress) {
        return logins.login(username, password, clientAddress);
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
        if (expiry != null && (expiry.isNegative() || expiry.isZero())) {
            throw new AuthException("Expiry must be in the future");
        }
        String plaintext = TokenSecrets.generate();
        String hash = TokenSecrets.sha256Hex(plaintext);
        String db = database == null || database.isBlank() ? null : database.strip();
        String note = annotation == null ? "" : annotation.strip();
        TokenRecord record = tokens.update(c -> {
            Instant now = clock.instant();
            TokenRecord r = new TokenRecord(c.nextId(now), hash, expiry == null ? null : now.plus(expiry), note, now, db);
            return new CredentialFile.Edit<>(c.with(r), r);
        }, true);
        publish(AuthEventType.TOKEN_ADDED, null, null, record.id(), note.isEmpty() ? null : note);
        return new CreatedToken(record, plaintext);
    }

    /**
     * Removes a token by id or by a hash prefix of at least 8 characters.
     *
     * @throws AuthException when nothing matches, or when a prefix matches several tokens
     *                       (the message lists their ids)
     */
    public TokenRecord removeToken(String idOrHashPrefix) {
        if (idOrHashPrefix == null || idOrHashPrefix.isBlank()) {
            throw new AuthException("Give a token id or a hash prefix of at least 8 characters");
        }
        String wanted = idOrHashPrefix.strip();
        TokenRecord removed = tokens.update(c -> {
            TokenRecord match = c.find(wanted);
            return new CredentialFile.Edit<>(c.without(match.id()), match);
        }, true);
        publish(AuthEventType.TOKEN_REMOVED, null, null, removed.id(), null);
        return removed;
    }

    /** Removes every expired token from the file; returns how many. */
    public int removeExpiredTokens() {
        int removed = tokens.update(c -> {
            Instant now = clock.instant();
            TreeMap<String, TokenFile.Entry> map = c.editable();
            int before = map.size();
            map.values().removeIf(e -> e.record().isExpired(now));
            if (map.size() == before) {
                return new CredentialFile.Edit<>(c, 0);
            }
            return new CredentialFile.Edit<>(TokenFile.Content.of(map, c.extra()), before - map.size());
        }, true);
        if (removed > 0) {
            publish(AuthEventType.TOKENS_EXPIRED, null, null, null, removed + " expired token(s) removed from the file");
        }
        return removed;
    }

    /** Every token, sorted by id, including expired ones. */
    public List<TokenRecord> tokens() {
        return tokens.content().tokens().values().stream().map(TokenFile.Entry::record).toList();
    }

    /** One token by id. */
    public Optional<TokenRecord> token(String id) {
        TokenFile.Entry e = id == null ? null : tokens.content().tokens().get(id.strip());
        return Optional.ofNullable(e == null ? null : e.record());
    }

    /** The SHA-256 hex of a token, as stored in the token file and used as pool key. */
    public static String hashToken(String token) {
        return TokenSecrets.sha256Hex(token);
    }

    // ---- users ----------------------------------------------------------------------------

    /** @throws AuthException for a duplicate or invalid username, or an empty or over-72-byte password */
    public UserRecord addUser(String username, String password, String annotation) {
        awaitBookkeeping();
        String name = validUsername(username);
        String hash = hasher.hash(password);
        String note = annotation == null ? "" : annotation.strip();
        UserRecord added = users.update(c -> {
            UserFile.Entry existing = c.find(name);
            if (existing != null) {
                throw new AuthException("User '" + existing.record().username() + "' already exists");
            }
            UserRecord r = new UserRecord(name, hash, clock.instant(), null, true, note, 0);
            TreeMap<String, UserFile.Entry> map = c.editable();
            map.put(name, new UserFile.Entry(r, null));
            return new CredentialFile.Edit<>(UserFile.Content.of(map, c.extra()), r);
        }, true);
        publish(AuthEventType.USER_ADDED, added.username(), null, null, null);
        return added;
    }

    /**
     * Changes a user's password and/or annotation; {@code null} leaves that field alone.
     * Active sessions stay valid (seed guide).
     */
    public UserRecord updateUser(String username, String newPassword, String newAnnotation) {
        awaitBookkeeping();
        String name = existingName(username);
        String hash = newPassword == null ? null : hasher.hash(newPassword);
        UserRecord updated = users.update(c -> {
            UserFile.Entry current = requireUser(c, name);
            UserRecord r = current.record();
            UserRecord next = new UserRecord(r.username(), hash == null ? r.passwordHash() : hash, r.createdAt(),
                    r.lastLogin(), r.enabled(), newAnnotation == null ? r.annotation() : newAnnotation.strip(),
                    r.failedAttempts());
            return new CredentialFile.Edit<>(c.replace(current, next), next);
        }, true);
        String what = hash != null && newAnnotation != null ? "password and annotation changed"
                : hash != null ? "password changed" : newAnnotation != null ? "annotation changed" : "no change";
        publish(AuthEventType.USER_UPDATED, updated.username(), null, null, what);
        return updated;
    }

    /** Deletes a user and ends their sessions. */
    public void deleteUser(String username) {
        awaitBookkeeping();
        String name = existingName(username);
        UserRecord removed = users.update(c -> {
            UserFile.Entry current = requireUser(c, name);
            TreeMap<String, UserFile.Entry> map = c.editable();
            map.remove(current.record().username());
            return new CredentialFile.Edit<>(UserFile.Content.of(map, c.extra()), current.record());
        }, true);
        publish(AuthEventType.USER_REMOVED, removed.username(), null, null, null);
    }

    /** Enables the account and resets its failed-attempt counter: this is "unlock". */
    public UserRecord enableUser(String username) {
        awaitBookkeeping();
        String name = existingName(username);
        int threshold = settings.maxFailedAttemptsBeforeLockout();
        UserRecord[] before = new UserRecord[1];
        UserRecord enabled = users.update(c -> {
            UserFile.Entry current = requireUser(c, name);
            UserRecord r = current.record();
            before[0] = r;
            if (r.enabled() && r.failedAttempts() == 0) {
                return new CredentialFile.Edit<>(c, r);
            }
            UserRecord next = new UserRecord(r.username(), r.passwordHash(), r.createdAt(), r.lastLogin(), true,
                    r.annotation(), 0);
            return new CredentialFile.Edit<>(c.replace(current, next), next);
        }, true);
        if (before[0].isLocked(threshold)) {
            publish(AuthEventType.ACCOUNT_UNLOCKED, enabled.username(), null, null, null);
        }
        publish(AuthEventType.USER_ENABLED, enabled.username(), null, null, null);
        return enabled;
    }

    /** Disables the account and ends its sessions. */
    public UserRecord disableUser(String username) {
        awaitBookkeeping();
        String name = existingName(username);
        UserRecord disabled = users.update(c -> {
            UserFile.Entry current = requireUser(c, name);
            UserRecord r = current.record();
            if (!r.enabled()) {
                return new CredentialFile.Edit<>(c, r);
            }
            UserRecord next = new UserRecord(r.username(), r.passwordHash(), r.createdAt(), r.lastLogin(), false,
                    r.annotation(), r.failedAttempts());
            return new CredentialFile.Edit<>(c.replace(current, next), next);
        }, true);
        publish(AuthEventType.USER_DISABLED, disabled.username(), null, null, null);
        return disabled;
    }

    /** Every user, sorted by username. */
    public List<UserRecord> users() {
        return users.content().users().values().stream().map(UserFile.Entry::record).toList();
    }

    /** One user, found trimmed and case-insensitively. */
    public Optional<UserRecord> user(String username) {
        UserFile.Entry e = users.content().find(username);
        return Optional.ofNullable(e == null ? null : e.record());
    }

    /** Enabled / Disabled / Locked for a user record, with this service's lockout threshold. */
    public AccountStatus statusOf(UserRecord user) {
        return user.status(settings.maxFailedAttemptsBeforeLockout());
    }

    /** Number of live sessions of a user (for the console). */
    public int activeSessions(String username) {
        return username == null ? 0 : sessions.count(username);
    }

    /** Ends every session of a user (console action); returns how many ended. */
    public int endSessions(String username) {
        return username == null ? 0 : sessions.endUser(username, SessionStore.EndReason.ENDED_BY_ADMIN);
    }

    /**
     * Users whose stored password hash cannot be checked (their logins always fail), sorted.
     * The console shows them; nothing about the hash itself is revealed.
     */
    public List<String> usersWithMalformedHash() {
        return users.content().users().values().stream().map(UserFile.Entry::record)
                .filter(u -> !PasswordHasher.isWellFormed(u.passwordHash())).map(UserRecord::username).toList();
    }

    /** Checks a new password against the rules without setting it; {@code null} when acceptable. */
    public static String passwordProblem(String password) {
        return PasswordHasher.problemWith(password);
    }

    private String validUsername(String username) {
        if (username == null || username.strip().isEmpty()) {
            throw new AuthException("Username must not be empty");
        }
        String name = username.strip();
        if (name.length() > MAX_USERNAME_LENGTH) {
            throw new AuthException("Username is longer than " + MAX_USERNAME_LENGTH + " characters");
        }
        if (name.codePoints().anyMatch(cp -> Character.isISOControl(cp))) {
            throw new AuthException("Username must not contain control characters");
        }
        return name;
    }

    private String existingName(String username) {
        if (username == null || username.strip().isEmpty()) {
            throw new AuthException("Username must not be empty");
        }
        return username.strip();
    }

    private static UserFile.Entry requireUser(UserFile.Content c, String name) {
        UserFile.Entry e = c.find(name);
        if (e == null) {
            throw new AuthException("User '" + Timestamps.abbreviate(name) + "' not found");
        }
        return e;
    }


    // ---- rate limiter ---------------------------------------------------------------------

    /** Addresses currently over the limit, most failures first. */
    public List<BlockedAddress> blockedAddresses() {
        return limiter.blocked();
    }

    /** Forgets the failures of one address key (as listed by {@link #blockedAddresses()}). */
    public void clearAddress(String key) {
        if (key == null) {
            return;
        }
        limiter.clear(key);
        publish(AuthEventType.ADDRESS_CLEARED, null, key, null, null);
    }

    /** Failed attempts counted for an address inside the current window. */
    public int failuresOf(String clientAddress) {
        return limiter.failures(AddressKey.of(clientAddress));
    }

    /** The key the rate limiter counts an address under (an IPv6 address counts as its /64). */
    public static String addressKey(String clientAddress) {
        return AddressKey.of(clientAddress);
    }

    // ---- listeners ------------------------------------------------------------------------

    /** Subscribes to every auth event (also written to the audit log). */
    public Subscription addListener(AuthEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Subscribes to revocations: called with the token hash whenever an API token leaves the
     * store (removed, expired) or a session ends (expired, user disabled or deleted, capped), so
     * that the database layer can close that token's connection pools. Never logged.
     */
    public Subscription addRevocationListener(Consumer<String> tokenHashListener) {
        Objects.requireNonNull(tokenHashListener, "tokenHashListener");
        revocationListeners.add(tokenHashListener);
        return () -> revocationListeners.remove(tokenHashListener);
    }

    // ---- reload, cleanup ------------------------------------------------------------------

    /** Re-reads both files now if they changed (the console's "Reload" button); the watcher does this by itself. */
    public void reload() {
        reloadTokens();
        reloadUsers();
    }

    /** The current token snapshot (tests). */
    TokenFile.Content tokenSnapshot() {
        return tokens.content();
    }

    void reloadTokens() {
        reloadTokens(false);
    }

    private void reloadTokens(boolean acceptEmpty) {
        handleReload(tokens.reload(acceptEmpty), tokens.path(), true);
    }

    void reloadUsers() {
        reloadUsers(false);
    }

    private void reloadUsers(boolean acceptEmpty) {
        CredentialFile.Reload<UserFile.Content> r = users.reload(acceptEmpty);
        handleReload(r, users.path(), false);
        if (r instanceof CredentialFile.Reload.Reloaded<UserFile.Content> ok) {
            reportMalformedHashes(ok.after());
        }
    }

    private void handleReload(CredentialFile.Reload<?> r, Path path, boolean tokenFile) {
        if (r instanceof CredentialFile.Reload.Reloaded<?>) {
            LOG.info("[AUTH] Reloaded {}", path);
            if (tokenFile) {
                tokenFileMissingWarned = false;
            } else {
                userFileMissingWarned = false;
            }
            reportFileProblems(path);
            publish(AuthEventType.RELOADED, null, null, path.toString(), null);
        } else if (r instanceof CredentialFile.Reload.Failed<?> failed) {
            LOG.error("[AUTH] Failed to reload {}: {}", path, failed.reason());
            publish(AuthEventType.RELOAD_FAILED, null, null, path.toString(), failed.reason());
        } else if (r instanceof CredentialFile.Reload.EmptyDeferred<?>) {
            // Truncate-then-write editors pass through an empty file: look again before
            // dropping every credential; if it is still empty then, it was meant.
            Runnable again = tokenFile ? () -> reloadTokens(true) : () -> reloadUsers(true);
            if (!closed) {
                try {
                    scheduler.schedule(again, EMPTY_FILE_RECHECK.toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // closing
                }
            }
        } else if (r instanceof CredentialFile.Reload.Missing<?>) {
            boolean warned = tokenFile ? tokenFileMissingWarned : userFileMissingWarned;
            if (!warned && (tokenFile ? tokens.exists() : users.exists())) {
                LOG.warn("[AUTH] {} was deleted; keeping the credentials loaded before until it is back", path);
                publish(AuthEventType.RELOAD_FAILED, null, null, path.toString(), "file deleted; old data kept");
                if (tokenFile) {
                    tokenFileMissingWarned = true;
                } else {
                    userFileMissingWarned = true;
                }
            }
        }
    }

    /** Drops expired tokens from the lookup index and expired sessions (memory only, SPEC §1.1). */
    int removeExpiredFromMemory() {
        try {
            Instant now = clock.instant();
            int[] dropped = new int[1];
            tokens.replaceInMemory(c -> {
                TokenFile.Content next = c.withoutExpired(now);
                dropped[0] = c.byHash().size() - next.byHash().size();
                return dropped[0] == 0 ? c : next;
            });
            if (dropped[0] > 0) {
                LOG.info("Removed {} expired token(s)", dropped[0]);
                publish(AuthEventType.TOKENS_EXPIRED, null, null, null, dropped[0] + " expired token(s) left memory");
            }
            sessions.removeExpired();
            return dropped[0];
        } catch (RuntimeException e) {
            LOG.error("[AUTH] Expired-token cleanup failed: {}", e.toString());
            return 0;
        }
    }

    private void tokensChanged(TokenFile.Content before, TokenFile.Content after) {
        if (before == after) {
            return;
        }
        for (String hash : before.byHash().keySet()) {
            if (!after.byHash().containsKey(hash)) {
                revoked(hash);
            }
        }
    }

    private void usersChanged(UserFile.Content before, UserFile.Content after) {
        if (before == after) {
            return;
        }
        for (UserFile.Entry old : before.users().values()) {
            UserFile.Entry now = after.find(old.record().username());
            if (now == null) {
                sessions.endUser(old.record().username(), SessionStore.EndReason.USER_REMOVED);
            } else if (!now.record().enabled()) {
                sessions.endUser(old.record().username(), SessionStore.EndReason.USER_DISABLED);
            }
        }
    }

    private void sessionEnded(SessionStore.Session s, SessionStore.EndReason reason) {
        revoked(s.tokenHash());
        publish(AuthEventType.SESSION_ENDED, s.username(), null, null, reason.text);
    }

    private void revoked(String hash) {
        for (Consumer<String> l : revocationListeners) {
            try {
                l.accept(hash);
            } catch (RuntimeException e) {
                LOG.warn("[AUTH] A revocation listener failed: {}", e.toString());
            }
        }
    }

    private void reportFileProblems(Path file) {
        for (String problem : CredentialFilePermissions.problems(file)) {
            LOG.warn("[AUTH] WARNING: {}", problem);
        }
    }

    private void reportMalformedHashes(UserFile.Content content) {
        for (UserFile.Entry e : content.users().values()) {
            if (!PasswordHasher.isWellFormed(e.record().passwordHash())) {
                LOG.warn("[AUTH] User '{}' in {} has a malformed password hash; their logins will fail until "
                        + "the password is set again", e.record().username(), users.path());
            }
        }
    }

    // ---- events ---------------------------------------------------------------------------

    private void publish(AuthEventType type, String username, String address, String subject, String reason) {
        AuthEvent event = new AuthEvent(clock.instant(), type, username, address, subject, reason);
        audit.append(event);
        for (AuthEventListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("[AUTH] An event listener failed: {}", e.toString());
            }
        }
    }

    /** Lets queued login bookkeeping reach the file first, so an admin edit is applied on top of it. */
    private void awaitBookkeeping() {
        logins.awaitBookkeeping();
    }

    /**
     * Waits until the login bookkeeping so far is in the user file and every event so far is in
     * the audit file (tests, and a CLI about to exit; {@link #close()} does it too).
     */
    public void flush() {
        awaitBookkeeping();
        audit.flush();
    }


    private static AuthSettings absolute(AuthSettings s) {
        Path tokenFile = s.tokenFile().toAbsolutePath().normalize();
        Path userFile = s.userFile().toAbsolutePath().normalize();
        Path auditFile = s.auditFile() == null ? null : s.auditFile().toAbsolutePath().normalize();
        return new AuthSettings(tokenFile, userFile, auditFile, s.maxFailedAttemptsBeforeLockout(), s.rateLimitWindow(),
                s.rateLimitMaxAttempts(), s.sessionLifetime(), s.maxSessionsPerUser());
    }
}
