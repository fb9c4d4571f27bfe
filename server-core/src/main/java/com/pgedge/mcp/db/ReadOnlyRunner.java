package com.pgedge.mcp.db;

import com.pgedge.mcp.mcp.ToolFailure;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work inside a read-only transaction and always leaves the connection as it found it.
 *
 * <ol>
 *   <li>The pool hands out connections with autocommit off and read-only on, so the driver
 *       opens the transaction with {@code BEGIN READ ONLY}; the first statement then repeats
 *       {@code SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY} and
 *       {@code SET LOCAL statement_timeout}.</li>
 *   <li>After the work, the transaction must still be the one we opened (a statement that
 *       ended it is an attack: the connection is evicted and the call fails).</li>
 *   <li>Always {@code ROLLBACK}, then {@code DISCARD ALL} outside the transaction: settings,
 *       roles, prepared statements, temporary tables, advisory locks, LISTEN registrations all
 *       go, because HikariCP does not reset any of them. If any step fails the connection is
 *       evicted instead of returned.</li>
 * </ol>
 */
final class ReadOnlyRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyRunner.class);

    /** Work to do on the connection while the read-only transaction is open. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection, ReadOnlyRunner runner) throws SQLException;
    }

    private final Duration statementTimeout;

    ReadOnlyRunner(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    /** Seconds for {@link Statement#setQueryTimeout}: the client cancels shortly after the server should have. */
    int clientTimeoutSeconds() {
        return (int) Math.max(1, statementTimeout.toSeconds() + 2);
    }

    /** Whether the server parses backslashes in plain strings as escapes (the lexer must know). */
    static boolean standardConformingStrings(Connection connection) throws SQLException {
        return connection.unwrap(BaseConnection.class).getStandardConformingStrings();
    }

    <T> T run(HikariDataSource pool, Work<T> work) throws SQLException {
        Connection connection = pool.getConnection();
        boolean tampered = false;
        try {
            begin(connection);
            T result = work.run(connection, this);
            TransactionState state = connection.unwrap(BaseConnection.class).getTransactionState();
            if (state == TransactionState.IDLE) {
                // Something ended our transaction; whatever ran after it is not covered by READ
                // ONLY. Do not try to clean that session: close it.
                tampered = true;
                throw new ToolFailure("The statement tried to end the read-only transaction and was refused");
            }
            return result;
        } finally {
            boolean reusable = !tampered && reset(connection);
            if (reusable) {
                connection.close();
            } else {
                pool.evictConnection(connection);
            }
        }
    }

    private void begin(Connection connection) throws SQLException {
        if (connection.getAutoCommit()) {
            connection.setAutoCommit(false);
        }
        if (!connection.isReadOnly()) {
            connection.setReadOnly(true);
        }
        try (Statement s = connection.createStatement()) {
            // Our own fixed text: the driver sends both (after its BEGIN READ ONLY) in one round trip.
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; "
                    + "SET LOCAL statement_timeout = " + statementTimeout.toMillis());
        }
    }

    /** Rolls back and discards all session state; false when the connection must not be reused. */
    private static boolean reset(Connection connection) {
        try {
            if (connection.isClosed()) {
                return false;
            }
            connection.rollback();
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("DISCARD ALL");
            }
            connection.setAutoCommit(false);
            return connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE;
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Connection could not be reset and is evicted: {}", e.getMessage());
            return false;
        }
    }
}
