package com.pgedge.mcp.db;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits applied to every tool call and to the per-token pools.
 *
 * @param statementTimeout  server-side {@code statement_timeout} of each statement; the client
 *                          cancels a little later in case the server does not
 * @param defaultRows       rows returned by {@code query_database} when no limit is given
 * @param maxRows           the largest {@code limit} accepted
 * @param maxResponseChars  cap on the text of one tool result; longer output is cut at a row
 *                          boundary with a note saying how to get the rest
 * @param maxCellChars      cap on one value in a result (long texts, large {@code bytea})
 * @param poolIdleTimeout   a (token, database) pool unused this long is closed
 * @param maxPools          at most this many pools exist; creating one more closes the least
 *                          recently used
 * @param connectTimeout    how long to wait for a connection from the pool (or the server)
 */
public record QueryLimits(Duration statementTimeout, int defaultRows, int maxRows, int maxResponseChars,
                          int maxCellChars, Duration poolIdleTimeout, int maxPools, Duration connectTimeout) {

    public QueryLimits {
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(poolIdleTimeout, "poolIdleTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (statementTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("statementTimeout must be at least 1 ms");
        }
        if (defaultRows < 1 || maxRows < defaultRows) {
            throw new IllegalArgumentException("need 1 <= defaultRows <= maxRows");
        }
        if (maxResponseChars < 1024 || maxCellChars < 16) {
            throw new IllegalArgumentException("maxResponseChars must be >= 1024 and maxCellChars >= 16");
        }
        if (maxPools < 1) {
            throw new IllegalArgumentException("maxPools must be at least 1");
        }
    }

    /** 30 s statements, 100 rows by default and 1000 at most, 256 KiB of text, 64 pools idle 15 min. */
    public static QueryLimits defaults() {
        return new QueryLimits(Duration.ofSeconds(30), 100, 1000, 256 * 1024, 8 * 1024,
                Duration.ofMinutes(15), 64, Duration.ofSeconds(10));
    }

    public QueryLimits withStatementTimeout(Duration timeout) {
        return new QueryLimits(timeout, defaultRows, maxRows, maxResponseChars, maxCellChars, poolIdleTimeout,
                maxPools, connectTimeout);
    }

    public QueryLimits withPools(int newMaxPools, Duration idleTimeout) {
        return new QueryLimits(statementTimeout, defaultRows, maxRows, maxResponseChars, maxCellChars, idleTimeout,
                newMaxPools, connectTimeout);
    }

    public QueryLimits withMaxResponseChars(int chars) {
        return new QueryLimits(statementTimeout, defaultRows, maxRows, chars, maxCellChars, poolIdleTimeout,
                maxPools, connectTimeout);
    }
}
