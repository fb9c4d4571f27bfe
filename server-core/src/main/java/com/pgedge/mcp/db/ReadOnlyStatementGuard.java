package com.pgedge.mcp.db;

import com.pgedge.mcp.mcp.ToolFailure;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The first of the read-only defences: checks SQL text before it reaches the database.
 *
 * <ul>
 *   <li>Exactly one statement. A trailing semicolon (followed only by whitespace or comments)
 *       is allowed and removed; anything after a semicolon is refused.</li>
 *   <li>The statement starts with {@code SELECT}, {@code WITH}, {@code VALUES}, {@code TABLE},
 *       {@code SHOW} or {@code EXPLAIN}. {@code EXPLAIN} must explain one of the first four:
 *       {@code EXPLAIN ANALYZE} runs its statement, so {@code EXPLAIN ANALYZE DELETE} is a write.</li>
 *   <li>No data-changing keyword anywhere: {@code INSERT}, {@code UPDATE}, {@code DELETE},
 *       {@code MERGE} (writable CTEs), {@code INTO} ({@code SELECT INTO} creates a table), and
 *       no row locks ({@code FOR UPDATE}, {@code FOR SHARE}, ...). A column with such a name
 *       must be written in double quotes.</li>
 * </ul>
 *
 * <p>This check is one layer, not the wall: the statement then runs in a read-only transaction
 * that is always rolled back, as a role that should have no write privileges, on a connection
 * whose session state is discarded afterwards.
 */
final class ReadOnlyStatementGuard {

    static final Set<String> QUERY_STARTS = Set.of("SELECT", "WITH", "VALUES", "TABLE", "SHOW", "EXPLAIN");
    static final Set<String> EXPLAINABLE_STARTS = Set.of("SELECT", "WITH", "VALUES", "TABLE");
    private static final List<String> START_ORDER = List.of("SELECT", "WITH", "VALUES", "TABLE", "SHOW", "EXPLAIN");
    private static final Set<String> WRITE_WORDS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "INTO");
    /**
     * Functions refused by name, for a clear message: they change session state that would
     * outlive the call, reach server files or other servers, signal other sessions, or run SQL
     * given as a string (which this check cannot see). Not the wall: the role's privileges, the
     * read-only transaction and DISCARD ALL stop them too.
     */
    static final Set<String> REFUSED_FUNCTIONS = Set.of(
            "set_config",
            "pg_advisory_lock", "pg_advisory_lock_shared", "pg_try_advisory_lock", "pg_try_advisory_lock_shared",
            "pg_advisory_unlock", "pg_advisory_unlock_shared", "pg_advisory_unlock_all",
            "pg_advisory_xact_lock", "pg_advisory_xact_lock_shared", "pg_try_advisory_xact_lock",
            "pg_try_advisory_xact_lock_shared",
            "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "pg_stat_file", "pg_ls_logdir", "pg_ls_waldir",
            "pg_ls_tmpdir", "pg_ls_archive_statusdir",
            "lo_import", "lo_export",
            // Large objects are written outside the table data; PostgreSQL 14 allows these in a
            // read-only transaction (rolled back, but refused here for a clear answer).
            "lo_create", "lo_creat", "lo_from_bytea", "lo_put", "lo_unlink", "lowrite", "lo_truncate", "lo_truncate64",
            "dblink", "dblink_exec", "dblink_connect", "dblink_connect_u", "dblink_send_query", "dblink_open",
            "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile", "pg_notify",
            "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "cursor_to_xml", "cursor_to_xmlschema");

    private ReadOnlyStatementGuard() {
    }

    /**
     * Checks a whole statement for {@code query_database}.
     *
     * @return the statement without its trailing semicolon and comments
     * @throws ToolFailure with a message the caller can act on
     */
    static String checkQuery(String sql, boolean standardConformingStrings) {
        return check(sql, standardConformingStrings, QUERY_STARTS);
    }

    /** Checks a statement to be wrapped in {@code EXPLAIN}: it must not be EXPLAIN or SHOW itself. */
    static String checkExplainable(String sql, boolean standardConformingStrings) {
        return check(sql, standardConformingStrings, EXPLAINABLE_STARTS);
    }

    /**
     * Checks a boolean expression for {@code count_rows}: no semicolon, balanced parentheses
     * (so it cannot close the {@code WHERE (...)} it is placed in), and no write keyword.
     */
    static String checkCondition(String condition, boolean standardConformingStrings) {
        List<SqlToken> tokens = SqlLexer.tokenize(condition, standardConformingStrings);
        if (tokens.isEmpty()) {
            throw new ToolFailure("The where condition is empty");
        }
        int depth = 0;
        for (SqlToken t : tokens) {
            switch (t.kind()) {
                case SEMICOLON -> throw new ToolFailure(
                        "The where condition must not contain ';' (found at character " + (t.start() + 1) + ")");
                case OPEN_PAREN -> depth++;
                case CLOSE_PAREN -> {
                    if (--depth < 0) {
                        throw new ToolFailure("The where condition has an unmatched ')' at character " + (t.start() + 1));
                    }
                }
                default -> { }
            }
        }
        if (depth != 0) {
            throw new ToolFailure("The where condition has an unmatched '('");
        }
        refuseWrites(tokens);
        return condition;
    }

    private static String check(String sql, boolean standardConformingStrings, Set<String> starts) {
        if (sql == null || sql.isBlank()) {
            throw new ToolFailure("The query is empty");
        }
        List<SqlToken> tokens = SqlLexer.tokenize(sql, standardConformingStrings);
        if (tokens.isEmpty()) {
            throw new ToolFailure("The query contains no SQL statement (only comments or whitespace)");
        }
        int end = tokens.size();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == SqlToken.Kind.SEMICOLON) {
                if (i != tokens.size() - 1) {
                    throw new ToolFailure("Only one SQL statement is allowed per call: remove the ';' at character "
                            + (tokens.get(i).start() + 1) + " and everything after it, and send each statement in its own call");
                }
                end = i;
            }
        }
        List<SqlToken> statement = tokens.subList(0, end);
        if (statement.isEmpty()) {
            throw new ToolFailure("The query contains no SQL statement");
        }
        SqlToken first = statement.get(0);
        String firstWord = first.kind() == SqlToken.Kind.WORD ? first.text().toUpperCase(Locale.ROOT) : first.text();
        if (first.kind() != SqlToken.Kind.WORD || !starts.contains(firstWord)) {
            throw new ToolFailure("Only read-only queries are allowed: the statement must start with "
                    + describe(starts) + " (it starts with " + quoteForMessage(firstWord) + ")");
        }
        if (firstWord.equals("EXPLAIN")) {
            checkExplainTarget(statement);
        }
        refuseWrites(statement);
        SqlToken last = statement.get(statement.size() - 1);
        return sql.substring(0, last.start() + last.text().length());
    }

    /** EXPLAIN [ ( options ) | ANALYZE | VERBOSE ... ] then a plain query. */
    private static void checkExplainTarget(List<SqlToken> statement) {
        int i = 1;
        if (i < statement.size() && statement.get(i).kind() == SqlToken.Kind.OPEN_PAREN) {
            int depth = 0;
            for (; i < statement.size(); i++) {
                SqlToken t = statement.get(i);
                if (t.kind() == SqlToken.Kind.OPEN_PAREN) {
                    depth++;
                } else if (t.kind() == SqlToken.Kind.CLOSE_PAREN && --depth == 0) {
                    i++;
                    break;
                }
            }
        }
        while (i < statement.size() && (statement.get(i).isWord("ANALYZE") || statement.get(i).isWord("ANALYSE")
                || statement.get(i).isWord("VERBOSE"))) {
            i++;
        }
        if (i >= statement.size() || statement.get(i).kind() != SqlToken.Kind.WORD
                || !EXPLAINABLE_STARTS.contains(statement.get(i).text().toUpperCase(Locale.ROOT))) {
            String found = i < statement.size() ? statement.get(i).text() : "nothing";
            throw new ToolFailure("EXPLAIN may only explain a query starting with SELECT, WITH, VALUES or TABLE (found "
                    + quoteForMessage(found) + ")");
        }
    }

    private static void refuseWrites(List<SqlToken> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).kind() == SqlToken.Kind.OPEN_PAREN;
            if (call && t.kind() == SqlToken.Kind.QUOTED_IDENTIFIER && t.text().startsWith("\"")) {
                String name = t.text().substring(1, t.text().length() - 1).replace("\"\"", "\"");
                refuseFunction(name, t);
            }
            if (t.kind() != SqlToken.Kind.WORD) {
                continue;
            }
            if (call) {
                refuseFunction(t.text().toLowerCase(Locale.ROOT), t);
            }
            String word = t.text().toUpperCase(Locale.ROOT);
            if (WRITE_WORDS.contains(word)) {
                throw new ToolFailure("Writes are not allowed: " + word + " found at character " + (t.start() + 1)
                        + " (a column or table with that name must be written in double quotes)");
            }
            if (word.equals("FOR") && i + 1 < tokens.size()
                    && (tokens.get(i + 1).isWord("SHARE") || tokens.get(i + 1).isWord("KEY")
                        || tokens.get(i + 1).isWord("NO"))) {
                throw new ToolFailure("Row locks (FOR UPDATE / FOR SHARE) are not allowed: found at character "
                        + (t.start() + 1));
            }
        }
    }

    private static void refuseFunction(String name, SqlToken t) {
        if (REFUSED_FUNCTIONS.contains(name)) {
            throw new ToolFailure("The function " + name + "() is not allowed (found at character " + (t.start() + 1)
                    + "): it changes session state, reaches server files or other sessions, or runs SQL from a string");
        }
    }

    private static String describe(Set<String> starts) {
        List<String> ordered = START_ORDER.stream().filter(starts::contains).toList();
        return String.join(", ", ordered.subList(0, ordered.size() - 1)) + " or " + ordered.get(ordered.size() - 1);
    }

    private static String quoteForMessage(String s) {
        String shortened = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return "'" + shortened + "'";
    }
}
