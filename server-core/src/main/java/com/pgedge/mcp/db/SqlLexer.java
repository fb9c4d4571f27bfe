package com.pgedge.mcp.db;

import com.pgedge.mcp.mcp.ToolFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * A small SQL lexer that follows PostgreSQL's own scanner rules closely enough to tell where a
 * statement ends: single-quoted strings (with {@code ''} doubling, and backslash escapes in
 * {@code E''} strings or when {@code standard_conforming_strings} is off), {@code B''},
 * {@code X''}, {@code N''} and {@code U&''} strings, double-quoted identifiers, dollar quotes
 * ({@code $$...$$}, {@code $tag$...$tag$}), line comments and nested block comments.
 *
 * <p>Why hand-written: the read-only guard must see exactly what the server will see. Every
 * construct is resolved the way the server resolves it, and anything the lexer is unsure about
 * (an unterminated quote or comment, a NUL character) is refused rather than guessed.
 */
final class SqlLexer {

    private final String sql;
    private final boolean standardConformingStrings;
    private final List<SqlToken> tokens = new ArrayList<>();
    private int pos;

    private SqlLexer(String sql, boolean standardConformingStrings) {
        this.sql = sql;
        this.standardConformingStrings = standardConformingStrings;
    }

    /**
     * Splits {@code sql} into tokens.
     *
     * @param standardConformingStrings the server's {@code standard_conforming_strings}; when
     *                                  off, a backslash escapes the next character in plain
     *                                  {@code '...'} strings too
     * @throws ToolFailure for unterminated quotes, identifiers or comments, or a NUL character
     */
    static List<SqlToken> tokenize(String sql, boolean standardConformingStrings) {
        SqlLexer lexer = new SqlLexer(sql, standardConformingStrings);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        int n = sql.length();
        while (pos < n) {
            char c = sql.charAt(pos);
            if (c == '\0') {
                throw new ToolFailure("The SQL text contains a NUL character");
            }
            if (isSpace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (c == '\'') {
                quoted(pos, pos, '\'', !standardConformingStrings, SqlToken.Kind.STRING, "quoted string");
            } else if (c == '"') {
                quoted(pos, pos, '"', false, SqlToken.Kind.QUOTED_IDENTIFIER, "quoted identifier");
            } else if (c == '$') {
                dollar();
            } else if (isIdentStart(c)) {
                word();
            } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
                number();
            } else if (c == ';') {
                add(SqlToken.Kind.SEMICOLON, pos, pos + 1);
            } else if (c == '(') {
                add(SqlToken.Kind.OPEN_PAREN, pos, pos + 1);
            } else if (c == ')') {
                add(SqlToken.Kind.CLOSE_PAREN, pos, pos + 1);
            } else {
                // Operators are emitted one character at a time: the server also cuts an
                // operator at "--" or "/*", which the checks above see at every position.
                add(SqlToken.Kind.SYMBOL, pos, pos + 1);
            }
        }
    }

    private void word() {
        int start = pos;
        char c = sql.charAt(pos);
        char next = peek(1);
        if ((c == 'e' || c == 'E') && next == '\'') {
            quoted(start, pos + 1, '\'', true, SqlToken.Kind.STRING, "escape string");
            return;
        }
        if ((c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') && next == '\'') {
            quoted(start, pos + 1, '\'', !standardConformingStrings && (c == 'n' || c == 'N'),
                    SqlToken.Kind.STRING, "quoted string");
            return;
        }
        if ((c == 'u' || c == 'U') && next == '&' && (peek(2) == '\'' || peek(2) == '"')) {
            char q = peek(2);
            quoted(start, pos + 2, q, false,
                    q == '"' ? SqlToken.Kind.QUOTED_IDENTIFIER : SqlToken.Kind.STRING,
                    q == '"' ? "quoted identifier" : "quoted string");
            return;
        }
        pos++;
        while (pos < sql.length() && isIdentContinue(sql.charAt(pos))) {
            pos++;
        }
        tokens.add(new SqlToken(SqlToken.Kind.WORD, sql.substring(start, pos), start));
    }

    /**
     * Reads a quoted token whose opening quote is at {@code quoteAt}. A doubled quote stands for
     * one quote character; with {@code backslashEscapes}, a backslash takes the next character
     * literally (so {@code \'} does not end the string).
     */
    private void quoted(int tokenStart, int quoteAt, char quote, boolean backslashEscapes,
                        SqlToken.Kind kind, String what) {
        int i = quoteAt + 1;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\0') {
                throw new ToolFailure("The SQL text contains a NUL character");
            }
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                pos = i + 1;
                tokens.add(new SqlToken(kind, sql.substring(tokenStart, pos), tokenStart));
                return;
            }
            i++;
        }
        throw new ToolFailure("Unterminated " + what + " starting at character " + (tokenStart + 1));
    }

    private void dollar() {
        int start = pos;
        char next = peek(1);
        if (isDigit(next)) {
            int i = pos + 1;
            while (i < sql.length() && isDigit(sql.charAt(i))) {
                i++;
            }
            add(SqlToken.Kind.PARAMETER, start, i);
            return;
        }
        // $tag$ where tag is empty or an identifier without '$'.
        int i = pos + 1;
        if (i < sql.length() && isDollarTagStart(sql.charAt(i))) {
            i++;
            while (i < sql.length() && isDollarTagContinue(sql.charAt(i))) {
                i++;
            }
        }
        if (i < sql.length() && sql.charAt(i) == '$') {
            String delimiter = sql.substring(start, i + 1);
            int end = sql.indexOf(delimiter, i + 1);
            if (end < 0) {
                throw new ToolFailure("Unterminated dollar-quoted string starting at character " + (start + 1));
            }
            int nul = sql.indexOf('\0', i + 1);
            if (nul >= 0 && nul < end) {
                throw new ToolFailure("The SQL text contains a NUL character");
            }
            pos = end + delimiter.length();
            tokens.add(new SqlToken(SqlToken.Kind.STRING, sql.substring(start, pos), start));
            return;
        }
        // A lone '$' is not valid SQL; let the server say so.
        add(SqlToken.Kind.SYMBOL, start, start + 1);
    }

    private void number() {
        int start = pos;
        int n = sql.length();
        while (pos < n && (isDigit(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
            pos++;
        }
        if (pos < n && sql.charAt(pos) == '.' && peek(1) != '.') {
            pos++;
            while (pos < n && (isDigit(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
                pos++;
            }
        }
        // An exponent only when digits follow, as in the server: "1e'x'" is 1 followed by E'x'.
        if (pos < n && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            int i = pos + 1;
            if (i < n && (sql.charAt(i) == '+' || sql.charAt(i) == '-')) {
                i++;
            }
            if (i < n && isDigit(sql.charAt(i))) {
                pos = i;
                while (pos < n && isDigit(sql.charAt(pos))) {
                    pos++;
                }
            }
        }
        tokens.add(new SqlToken(SqlToken.Kind.NUMBER, sql.substring(start, pos), start));
    }

    private void skipLineComment() {
        int n = sql.length();
        while (pos < n && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
            if (sql.charAt(pos) == '\0') {
                throw new ToolFailure("The SQL text contains a NUL character");
            }
            pos++;
        }
    }

    private void skipBlockComment() {
        int start = pos;
        int depth = 0;
        int n = sql.length();
        while (pos < n) {
            char c = sql.charAt(pos);
            if (c == '\0') {
                throw new ToolFailure("The SQL text contains a NUL character");
            }
            if (c == '/' && peek(1) == '*') {
                depth++;
                pos += 2;
            } else if (c == '*' && peek(1) == '/') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        throw new ToolFailure("Unterminated /* comment starting at character " + (start + 1));
    }

    private void add(SqlToken.Kind kind, int start, int end) {
        tokens.add(new SqlToken(kind, sql.substring(start, end), start));
        pos = end;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    /** The server's whitespace set: space, tab, newline, carriage return, form feed, vertical tab. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Non-ASCII characters are identifier characters for the server (bytes 0x80-0xFF in UTF-8). */
    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isIdentContinue(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isDollarTagStart(char c) {
        return isIdentStart(c);
    }

    private static boolean isDollarTagContinue(char c) {
        return isIdentStart(c) || isDigit(c);
    }
}
