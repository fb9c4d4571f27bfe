package com.pgedge.mcp.db;

/**
 * One lexical token of a SQL text, as PostgreSQL's scanner would split it. Comments and
 * whitespace produce no token.
 *
 * @param kind  what it is
 * @param text  the exact source text of the token
 * @param start offset of its first character in the source
 */
record SqlToken(Kind kind, String text, int start) {

    enum Kind {
        /** A keyword or an unquoted identifier. */
        WORD,
        /** {@code "..."} or {@code U&"..."}. */
        QUOTED_IDENTIFIER,
        /** Any string constant: {@code '...'}, {@code E'...'}, {@code B'...'}, {@code $tag$...$tag$}, ... */
        STRING,
        NUMBER,
        /** {@code $1}. */
        PARAMETER,
        SEMICOLON,
        OPEN_PAREN,
        CLOSE_PAREN,
        /** Any other single character: operators, commas, brackets, dots. */
        SYMBOL
    }

    /** True for an unquoted word equal to {@code keyword}, ignoring case. */
    boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }
}
