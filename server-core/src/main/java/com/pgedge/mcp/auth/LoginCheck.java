package com.pgedge.mcp.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password login (SPEC §3.1, §4): rate limit, bcrypt on a bounded number of threads,
 * failure counting and lockout, the session, and the user file's bookkeeping written off the
 * login path. {@link AuthService#login} is this.
 */
final class LoginCheck {

    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    static final int MAX_USERNAME_LENGTH = 128;

    /** Where the events of a login go (the service's listeners and audit log). */
    @FunctionalInterface
    interface Events {
        void publish(AuthEventType type, String username, String address, String subject, String reason);
    }

    private final AuthSettings settings;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final CredentialFile<UserFile.Content> users;
    private final SessionStore sessions;
    private final LoginRateLimiter limiter;
    private final Events events;
    /** bcrypt is CPU-bound: at most this many at once, and a short queue, then BUSY. */
    private final Semaphore bcryptPermits;
    private final AtomicInteger bcryptWaiting = new AtomicInteger();
    private final int maxBcryptWaiting;
    /** Writes login bookkeeping (counters, last login) to the user file off the login path, in order. */
    private final ExecutorService bookkeeping;

    LoginCheck(AuthSettings settings, Clock clock, PasswordHasher hasher, CredentialFile<UserFile.Content> users,
               SessionStore sessions, LoginRateLimiter limiter, Events events) {
        this.settings = settings;
        this.clock = clock;
        this.hasher = hasher;
        this.users = users;
        this.sessions = sessions;
        this.limiter = limiter;
        this.events = events;
        int cores = Runtime.getRuntime().availableProcessors();
        this.bcryptPermits = new Semaphore(Math.max(2, cores), true);
        this.maxBcryptWaiting = Math.max(64, cores * 32);
        this.bookkeeping = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pgedge-auth-bookkeeping");
            t.setDaemon(true);
            return t;
        });
    }

    LoginResult login(String username, String password, String clientAddress) {
        String key = AddressKey.of(clientAddress);
        String shownName = username == null ? null : username.strip();
        Duration blocked = limiter.blockedFor(key);
        if (blocked != null) {
            events.publish(AuthEventType.RATE_LIMITED, shownName, clientAddress, null, "login refused while blocked");
            return LoginResult.rateLimited(blocked);
        }
        if (bcryptWaiting.incrementAndGet() > maxBcryptWaiting) {
            bcryptWaiting.decrementAndGet();
            events.publish(AuthEventType.LOGIN_FAILED, shownName, clientAddress, null, "server busy");
            return LoginResult.failure(LoginResult.FailureReason.BUSY);
        }
        try {
            if (!bcryptPermits.tryAcquire(10, TimeUnit.SECONDS)) {
                events.publish(AuthEventType.LOGIN_FAILED, shownName, clientAddress, null, "server busy");
                return LoginResult.failure(LoginResult.FailureReason.BUSY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LoginResult.failure(LoginResult.FailureReason.BUSY);
        } finally {
            bcryptWaiting.decrementAndGet();
        }
        LoginResult result;
        try {
            result = checkCredentials(shownName, password, clientAddress);
        } catch (RuntimeException e) {
            // Never a 500 from a login: whatever broke is logged, the client sees a failure.
            LOG.error("[AUTH] Login check failed unexpectedly: {}", e.toString());
            result = LoginResult.failure(LoginResult.FailureReason.INVALID_INPUT);
        } finally {
            bcryptPermits.release();
        }
        if (!result.succeeded()) {
            limiter.recordFailure(key);
            events.publish(AuthEventType.LOGIN_FAILED, shownName, clientAddress, null, describe(result.reason()));
        }
        return result;
    }

    private LoginResult checkCredentials(String name, String password, String clientAddress) {
        boolean validInput = name != null && !name.isEmpty() && name.length() <= MAX_USERNAME_LENGTH
                && PasswordHasher.problemWith(password) == null;
        UserFile.Entry entry = validInput ? users.content().find(name) : null;
        if (entry == null) {
            hasher.burn();
            return LoginResult.failure(validInput ? LoginResult.FailureReason.UNKNOWN_USER
                    : LoginResult.FailureReason.INVALID_INPUT);
        }
        UserRecord user = entry.record();
        boolean passwordOk = hasher.verify(password, user.passwordHash());
        int threshold = settings.maxFailedAttemptsBeforeLockout();
        if (!user.enabled()) {
            return LoginResult.failure(user.isLocked(threshold) ? LoginResult.FailureReason.ACCOUNT_LOCKED
                    : LoginResult.FailureReason.ACCOUNT_DISABLED);
        }
        if (!passwordOk) {
            recordWrongPassword(user.username(), clientAddress);
            return LoginResult.failure(LoginResult.FailureReason.WRONG_PASSWORD);
        }
        Instant now = clock.instant();
        UnaryOperator<UserFile.Content> loggedIn = c -> {
            UserFile.Entry current = c.find(user.username());
            if (current == null || (current.record().failedAttempts() == 0 && now.equals(current.record().lastLogin()))) {
                return c;
            }
            UserRecord r = current.record();
            return c.replace(current, new UserRecord(r.username(), r.passwordHash(), r.createdAt(), now,
                    r.enabled(), r.annotation(), 0));
        };
        users.changeNow(loggedIn);
        writeLater(loggedIn, "the login of '" + user.username() + "'");
        SessionStore.Opened opened = sessions.open(user.username());
        events.publish(AuthEventType.LOGIN_SUCCEEDED, user.username(), clientAddress, null, null);
        return LoginResult.success(opened.token(), opened.session().expiresAt());
    }

    /**
     * Counts a wrong password against the account and locks it at the threshold. Memory is
     * updated at once, so the next attempt already sees the count and the lock; the user file
     * follows a few milliseconds later on the bookkeeping thread. Waiting for that write (and its
     * fsync) here would make a wrong password measurably slower than an unknown user, which is
     * exactly the timing difference that enumerates usernames.
     */
    private void recordWrongPassword(String username, String clientAddress) {
        int threshold = settings.maxFailedAttemptsBeforeLockout();
        UnaryOperator<UserFile.Content> failed = c -> {
            UserFile.Entry current = c.find(username);
            if (current == null || !current.record().enabled()) {
                return c;
            }
            UserRecord r = current.record();
            int failures = r.failedAttempts() + 1;
            boolean lock = threshold > 0 && failures >= threshold;
            return c.replace(current, new UserRecord(r.username(), r.passwordHash(), r.createdAt(),
                    r.lastLogin(), !lock, r.annotation(), failures));
        };
        UserFile.Content before = users.content();
        UserFile.Content after = users.changeNow(failed);
        writeLater(failed, "a failed login of '" + username + "'");
        UserFile.Entry was = before.find(username);
        UserFile.Entry now = after.find(username);
        if (was != null && now != null && was.record().enabled() && !now.record().enabled()) {
            UserRecord locked = now.record();
            LOG.warn("[AUTH] Account '{}' locked after {} failed login attempts", locked.username(),
                    locked.failedAttempts());
            events.publish(AuthEventType.ACCOUNT_LOCKED, locked.username(), clientAddress, null,
                    locked.failedAttempts() + " failed attempts");
        }
    }

    /**
     * Applies a login's bookkeeping to the user file on the bookkeeping thread (one at a time,
     * in order), re-reading the file under its lock so that edits by others are kept.
     */
    private void writeLater(UnaryOperator<UserFile.Content> change, String what) {
        try {
            bookkeeping.execute(() -> {
                try {
                    users.writePending(change);
                } catch (AuthException e) {
                    // A read-only user file (mounted secret) must not stop logins.
                    LOG.warn("[AUTH] Could not record {} in {}: {}", what, users.path(), e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("[AUTH] Not recording {}: the auth service is closed", what);
        }
    }

    private static String describe(LoginResult.FailureReason reason) {
        return reason == null ? null : reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Lets queued bookkeeping reach the file (before an admin edit, and for {@link AuthService#flush()}). */
    void awaitBookkeeping() {
        try {
            bookkeeping.submit(() -> { }).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                 | RejectedExecutionException e) {
            // closed or stuck: the caller goes ahead on what the file says
        }
    }

    /** Writes what is queued, then stops taking bookkeeping. */
    void close() {
        bookkeeping.shutdown();
        try {
            if (!bookkeeping.awaitTermination(15, TimeUnit.SECONDS)) {
                LOG.warn("[AUTH] Some login bookkeeping was not written to {} before closing", users.path());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
