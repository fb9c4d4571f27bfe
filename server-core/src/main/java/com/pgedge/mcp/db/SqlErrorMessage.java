package com.pgedge.mcp.db;

import com.pgedge.mcp.config.DatabaseConfig;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a JDBC failure into text for the caller: the server's own message (with its detail,
 * hint and SQLSTATE) so a model can correct its SQL, and for connection failures the driver's
 * reason. Never a JDBC URL, a password or a stack trace.
 */
final class SqlErrorMessage {

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:[a-zA-Z0-9]+:[^\\s,;)]*");
    private static final int MAX_LENGTH = 2000;

    private SqlErrorMessage() {
    }

    static String of(SQLException e, DatabaseConfig db) {
        ServerErrorMessage server = serverMessage(e);
        String text;
        if (server != null && server.getMessage() != null) {
            StringBuilder b = new StringBuilder("ERROR: ").append(server.getMessage());
            if (server.getDetail() != null) {
                b.append("\nDETAIL: ").append(server.getDetail());
            }
            if (server.getHint() != null) {
                b.append("\nHINT: ").append(server.getHint());
            }
            if (server.getPosition() > 0) {
                b.append("\nPOSITION: ").append(server.getPosition());
            }
            if (server.getSQLState() != null) {
                b.append("\nSQLSTATE: ").append(server.getSQLState());
            }
            if ("57014".equals(server.getSQLState())) {
                b.append("\nThe statement was cancelled because it ran too long; narrow the query or add a LIMIT.");
            }
            text = b.toString();
        } else if (isConnectionProblem(e)) {
            text = "Could not connect to database '" + db.name() + "': " + rootMessage(e);
        } else {
            text = "ERROR: " + rootMessage(e);
        }
        return scrub(text, db);
    }

    private static ServerErrorMessage serverMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
                return p.getServerErrorMessage();
            }
        }
        return null;
    }

    private static boolean isConnectionProblem(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("Connection is not available")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

    /** Removes anything secret that a driver message might have picked up. */
    static String scrub(String text, DatabaseConfig db) {
        String out = JDBC_URL.matcher(text).replaceAll("<connection>");
        if (db != null && !db.password().isEmpty()) {
            out = out.replace(db.password(), "********");
        }
        if (out.length() > MAX_LENGTH) {
            out = out.substring(0, MAX_LENGTH) + "...";
        }
        return out;
    }
}
