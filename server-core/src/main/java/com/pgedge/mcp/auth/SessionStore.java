package com.pgedge.mcp.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Live session tokens (SPEC §3.1), in memory only: they are never written to disk. Keyed by the
 * SHA-256 of the token, so the plaintext is not kept either. A user may hold several sessions;
 * beyond the cap the oldest ends.
 */
final class SessionStore {

    /** One session. {@code userKey} is the case-folded username. */
    record Session(String tokenHash, String username, String userKey, Instant createdAt, Instant expiresAt) {

        boolean isValidAt(Instant now) {
            return now.isBefore(expiresAt);
        }
    }

    /** Why a session ended, for the audit log. */
    enum EndReason {
        EXPIRED("expired"), USER_DISABLED("user disabled"), USER_REMOVED("user removed"),
        CAPPED("too many sessions"), ENDED_BY_ADMIN("ended by admin");

        final String text;

        EndReason(String text) {
            this.text = text;
        }
    }

    private final ConcurrentHashMap<String, Session> byHash = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;
    private final int maxPerUser;
    private final BiConsumer<Session, EndReason> onEnd;

    SessionStore(Clock clock, Duration lifetime, int maxPerUser, BiConsumer<Session, EndReason> onEnd) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.maxPerUser = maxPerUser;
        this.onEnd = onEnd;
    }

    /** A new session token (plaintext, returned once) for a user; ends the oldest beyond the cap. */
    record Opened(String token, Session session) {
        @Override
        public String toString() {
            return "Opened[" + session.username() + "]";
        }
    }

    Opened open(String username) {
        Instant now = clock.instant();
        String token = TokenSecrets.generate();
        String userKey = UserFile.key(username);
        Session s = new Session(TokenSecrets.sha256Hex(token), username, userKey, now, now.plus(lifetime));
        List<Session> toEnd;
        synchronized (this) {
            byHash.put(s.tokenHash(), s);
            List<Session> mine = sessionsOf(userKey);
            toEnd = new ArrayList<>();
            if (mine.size() > maxPerUser) {
                mine.sort(Comparator.comparing(Session::createdAt));
                toEnd.addAll(mine.subList(0, mine.size() - maxPerUser));
            }
            toEnd.forEach(old -> byHash.remove(old.tokenHash(), old));
        }
        toEnd.forEach(old -> onEnd.accept(old, EndReason.CAPPED));
        return new Opened(token, s);
    }

    /** The live session for a token hash, or {@code null}. An expired one is ended on the spot. */
    Session find(String tokenHash) {
        Session s = byHash.get(tokenHash);
        if (s == null) {
            return null;
        }
        if (s.isValidAt(clock.instant())) {
            return s;
        }
        if (byHash.remove(tokenHash, s)) {
            onEnd.accept(s, EndReason.EXPIRED);
        }
        return null;
    }

    /** Ends every session of a user; returns how many. */
    int endUser(String username, EndReason reason) {
        String userKey = UserFile.key(username);
        List<Session> ended = new ArrayList<>();
        synchronized (this) {
            for (Session s : sessionsOf(userKey)) {
                if (byHash.remove(s.tokenHash(), s)) {
                    ended.add(s);
                }
            }
        }
        ended.forEach(s -> onEnd.accept(s, reason));
        return ended.size();
    }

    /** Ends expired sessions (periodic sweep); returns how many. */
    int removeExpired() {
        Instant now = clock.instant();
        int n = 0;
        for (Session s : byHash.values()) {
            if (!s.isValidAt(now) && byHash.remove(s.tokenHash(), s)) {
                onEnd.accept(s, EndReason.EXPIRED);
                n++;
            }
        }
        return n;
    }

    int count(String username) {
        Instant now = clock.instant();
        String userKey = UserFile.key(username);
        int n = 0;
        for (Session s : byHash.values()) {
            if (s.userKey().equals(userKey) && s.isValidAt(now)) {
                n++;
            }
        }
        return n;
    }

    int size() {
        return byHash.size();
    }

    private List<Session> sessionsOf(String userKey) {
        List<Session> mine = new ArrayList<>();
        for (Session s : byHash.values()) {
            if (s.userKey().equals(userKey)) {
                mine.add(s);
            }
        }
        return mine;
    }
}
