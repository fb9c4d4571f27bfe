package com.pgedge.mcp.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pgedge.mcp.mcp.ToolFailure;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadOnlyStatementGuardTest {

    private static String check(String sql) {
        return ReadOnlyStatementGuard.checkQuery(sql, true);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1",
            "select 1;",
            "SELECT 1 ;  -- trailing comment",
            "SELECT 1; /* block */",
            "  WITH t AS (SELECT 1) SELECT * FROM t",
            "VALUES (1), (2)",
            "TABLE customers",
            "SHOW server_version",
            "EXPLAIN SELECT 1",
            "EXPLAIN ANALYZE SELECT 1",
            "EXPLAIN (ANALYZE, FORMAT JSON) SELECT 1",
            "EXPLAIN VERBOSE WITH x AS (SELECT 1) SELECT * FROM x",
            "SELECT ';' AS semi",
            "SELECT 'it''s; fine'",
            "SELECT E'\\'; still a string'",
            "SELECT $$ ; DELETE FROM t; $$",
            "SELECT $tag$ $$ ; $ $tag$",
            "SELECT \"odd;name\" FROM \"t;1\"",
            "SELECT \"update\" FROM t",
            "SELECT 1 /* nested /* ; */ still comment ; */",
            "SELECT 1 -- ; comment\n",
            "SELECT a$b$c FROM t",
            "SELECT U&'d\\0061t\\+000061' ",
            "SELECT B'1010', X'1F', N'abc'",
            "SELECT data ? 'key' FROM docs",
            "SELECT substring('abc' FOR 2)",
            "SELECT 1e'\\'; DELETE FROM t; --'"
    })
    void acceptsSingleReadOnlyStatements(String sql) {
        assertThat(check(sql)).isNotBlank();
    }

    @Test
    void removesTheTrailingSemicolonAndComments() {
        assertThat(check("SELECT 1; -- done")).isEqualTo("SELECT 1");
        assertThat(check("SELECT 'a;' ;\n/* x */")).isEqualTo("SELECT 'a;'");
        assertThat(check("SELECT 1 -- comment without newline")).isEqualTo("SELECT 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1; SELECT 2",
            "SELECT 1; DELETE FROM t",
            "SELECT 1;;",
            "SELECT 'a'; COMMIT",
            "SELECT 1 /* c */ ; /* c */ DROP TABLE t",
            "SELECT 1 -- c\n; INSERT INTO t VALUES (1)",
            "SELECT $$x$$; DELETE FROM t",
            "SELECT \"a\"\"b\"; DELETE FROM t",
            "SELECT 'it''s'; DELETE FROM t",
            "SELECT E'\\\\'; DELETE FROM t",
            "SELECT $a$ $b$ $a$; DELETE FROM t",
            "SELECT 1 /* /* */ */; DELETE FROM t",
            "SELECT 1;\nCOMMIT;\nBEGIN READ WRITE",
            "SELECT 1; SET ROLE postgres",
    })
    void refusesMoreThanOneStatement(String sql) {
        assertThatThrownBy(() -> check(sql)).isInstanceOf(ToolFailure.class)
                .hasMessageContaining("Only one SQL statement");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT INTO t VALUES (1)",
            "UPDATE t SET a = 1",
            "DELETE FROM t",
            "DROP TABLE t",
            "CREATE TEMP TABLE x (a int)",
            "COMMIT",
            "ROLLBACK",
            "END",
            "BEGIN READ WRITE",
            "START TRANSACTION READ WRITE",
            "SET TRANSACTION READ WRITE",
            "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE",
            "SET statement_timeout = 0",
            "RESET ALL",
            "SET ROLE postgres",
            "COPY t TO PROGRAM 'id'",
            "PREPARE p AS SELECT 1",
            "EXECUTE p",
            "DO $$ BEGIN END $$",
            "CALL proc()",
            "LOCK TABLE t",
            "DISCARD ALL",
            "LISTEN ch",
            "(SELECT 1)",
            "/* SELECT */ DELETE FROM t",
            "-- SELECT\nDELETE FROM t",
            "\"SELECT\" 1",
            "VACUUM",
    })
    void refusesStatementsThatDoNotStartAsAQuery(String sql) {
        assertThatThrownBy(() -> check(sql)).isInstanceOf(ToolFailure.class)
                .hasMessageContaining("must start with SELECT, WITH, VALUES, TABLE, SHOW or EXPLAIN");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d",
            "WITH u AS (UPDATE t SET a = 1 RETURNING *) SELECT 1",
            "WITH i AS (INSERT INTO t VALUES (1) RETURNING *) SELECT 1",
            "SELECT * INTO new_table FROM t",
            "SELECT * FROM t FOR UPDATE",
            "SELECT * FROM t FOR NO KEY UPDATE",
            "SELECT * FROM t FOR SHARE",
            "SELECT * FROM t FOR KEY SHARE",
            "select * from t for update nowait",
            "EXPLAIN ANALYZE SELECT 1 FROM t FOR UPDATE",
    })
    void refusesWritesInsideAQuery(String sql) {
        assertThatThrownBy(() -> check(sql)).isInstanceOf(ToolFailure.class)
                .hasMessageMatching("(?s).*(Writes are not allowed|Row locks).*");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT set_config('statement_timeout', '0', false)",
            "SELECT pg_catalog.set_config('search_path', 'x', false)",
            "SELECT \"set_config\"('search_path', 'x', false)",
            "SELECT PG_ADVISORY_LOCK(42)",
            "SELECT * FROM pg_try_advisory_lock (1)",
            "SELECT pg_read_file('/etc/passwd')",
            "SELECT pg_ls_dir('.')",
            "SELECT lo_import('/etc/passwd')",
            "SELECT dblink_exec('host=x', 'DELETE FROM t')",
            "SELECT query_to_xml('DELETE FROM t', true, true, '')",
            "SELECT pg_terminate_backend(1)",
            "SELECT pg_notify('ch', 'x')",
    })
    void refusesFunctionsWithLastingSideEffects(String sql) {
        assertThatThrownBy(() -> check(sql)).isInstanceOf(ToolFailure.class)
                .hasMessageContaining("is not allowed");
    }

    @Test
    void functionNamesAreOnlyRefusedWhenCalled() {
        assertThat(check("SELECT set_config FROM t")).isNotBlank();
        assertThat(check("SELECT 'pg_read_file(1)'")).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "EXPLAIN ANALYZE DELETE FROM t",
            "EXPLAIN ANALYZE INSERT INTO t VALUES (1)",
            "EXPLAIN (ANALYZE) UPDATE t SET a = 1",
            "EXPLAIN CREATE TABLE x AS SELECT 1",
            "EXPLAIN EXECUTE p",
            "EXPLAIN",
    })
    void explainMustExplainAQuery(String sql) {
        assertThatThrownBy(() -> check(sql)).isInstanceOf(ToolFailure.class)
                .hasMessageContaining("EXPLAIN may only explain");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 'unterminated",
            "SELECT \"unterminated",
            "SELECT E'ends with backslash\\'",
            "SELECT $$ never closed",
            "SELECT $tag$ closed with other tag $other$",
            "SELECT 1 /* unterminated",
            "SELECT 1 /* nested /* only one closed */",
    })
    void refusesUnterminatedConstructs(String sql) {
        assertThatThrownBy(() -> check(sql)).isInstanceOf(ToolFailure.class)
                .hasMessageContaining("Unterminated");
    }

    @Test
    void refusesEmptyAndCommentOnlyInput() {
        assertThatThrownBy(() -> check("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> check("   \n")).hasMessageContaining("empty");
        assertThatThrownBy(() -> check("-- nothing")).hasMessageContaining("no SQL statement");
        assertThatThrownBy(() -> check(";")).hasMessageContaining("no SQL statement");
    }

    @Test
    void refusesNulCharacters() {
        assertThatThrownBy(() -> check("SELECT 1\0; DELETE FROM t")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> check("SELECT '\0'")).hasMessageContaining("NUL");
    }

    @Test
    void backslashEscapesPlainStringsOnlyWhenStandardConformingStringsIsOff() {
        String sql = "SELECT 'a\\'; DELETE FROM t; --'";
        // On (the default): the string ends after the backslash, so a second statement follows.
        assertThatThrownBy(() -> ReadOnlyStatementGuard.checkQuery(sql, true))
                .hasMessageContaining("Only one SQL statement");
        // Off: \' is an escaped quote and everything up to the last quote is one string.
        assertThat(ReadOnlyStatementGuard.checkQuery(sql, false)).isEqualTo(sql);
    }

    @Test
    void explainableRefusesShowAndExplain() {
        assertThatThrownBy(() -> ReadOnlyStatementGuard.checkExplainable("SHOW ALL", true))
                .hasMessageContaining("must start with SELECT, WITH, VALUES or TABLE");
        assertThatThrownBy(() -> ReadOnlyStatementGuard.checkExplainable("EXPLAIN SELECT 1", true))
                .hasMessageContaining("must start with SELECT, WITH, VALUES or TABLE");
        assertThat(ReadOnlyStatementGuard.checkExplainable("SELECT 1;", true)).isEqualTo("SELECT 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a = 1",
            "name = 'x; y'",
            "(a > 1 AND b < 2) OR c IS NULL",
            "name LIKE $$%;%$$",
    })
    void acceptsConditions(String condition) {
        assertThat(ReadOnlyStatementGuard.checkCondition(condition, true)).isEqualTo(condition);
    }

    @Test
    void refusesConditionsThatEscapeTheirParentheses() {
        assertThatThrownBy(() -> ReadOnlyStatementGuard.checkCondition("1=1; DELETE FROM t; --", true))
                .hasMessageContaining(";");
        assertThatThrownBy(() -> ReadOnlyStatementGuard.checkCondition("1=1) UNION SELECT 1 FROM (SELECT 1", true))
                .hasMessageContaining("unmatched ')'");
        assertThatThrownBy(() -> ReadOnlyStatementGuard.checkCondition("(1=1", true))
                .hasMessageContaining("unmatched '('");
        assertThatThrownBy(() -> ReadOnlyStatementGuard.checkCondition("true FOR NO KEY SHARE", true))
                .hasMessageContaining("Row locks");
        assertThatThrownBy(() -> ReadOnlyStatementGuard.checkCondition("id IN (SELECT id FROM t FOR SHARE)", true))
                .hasMessageContaining("Row locks");
        assertThatThrownBy(() -> ReadOnlyStatementGuard.checkCondition("  ", true))
                .hasMessageContaining("empty");
    }

    @Test
    void lexerSplitsTokensLikeTheServer() {
        List<SqlToken> tokens = SqlLexer.tokenize("SELECT e'a\\'b', $1, x$y, \"q\"\"q\", 1.5e3, $t$;$t$ -- c", true);
        assertThat(tokens).extracting(SqlToken::kind).containsExactly(
                SqlToken.Kind.WORD, SqlToken.Kind.STRING, SqlToken.Kind.SYMBOL, SqlToken.Kind.PARAMETER,
                SqlToken.Kind.SYMBOL, SqlToken.Kind.WORD, SqlToken.Kind.SYMBOL, SqlToken.Kind.QUOTED_IDENTIFIER,
                SqlToken.Kind.SYMBOL, SqlToken.Kind.NUMBER, SqlToken.Kind.SYMBOL, SqlToken.Kind.STRING);
        assertThat(tokens.get(1).text()).isEqualTo("e'a\\'b'");
        assertThat(tokens.get(5).text()).isEqualTo("x$y");
        assertThat(tokens.get(9).text()).isEqualTo("1.5e3");
        assertThat(tokens.get(11).text()).isEqualTo("$t$;$t$");
    }

    @Test
    void numberFollowedByEIsAnEscapeStringAsInTheServer() {
        List<SqlToken> tokens = SqlLexer.tokenize("SELECT 1e'\\';'", true);
        assertThat(tokens).extracting(SqlToken::text).containsExactly("SELECT", "1", "e'\\';'");
    }

    @Test
    void operatorsAreCutAtCommentStarts() {
        List<SqlToken> tokens = SqlLexer.tokenize("SELECT 2*/*x;*/3 +--;\n1", true);
        assertThat(tokens).extracting(SqlToken::text).containsExactly("SELECT", "2", "*", "3", "+", "1");
    }
}
