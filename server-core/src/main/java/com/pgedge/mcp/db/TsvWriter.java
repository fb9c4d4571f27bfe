package com.pgedge.mcp.db;

import java.util.List;

/**
 * Builds tab-separated text with a header line. Values are escaped as in PostgreSQL's COPY text
 * format ({@code \t}, {@code \n}, {@code \r}, {@code \\}; NULL is {@code \N}), so a value can
 * never break a row apart. Long values are cut; rows that would pass the size cap are refused.
 */
final class TsvWriter {

    static final String NULL = "\\N";

    private final StringBuilder text = new StringBuilder();
    private final int maxChars;
    private final int maxCellChars;

    TsvWriter(int maxChars, int maxCellChars) {
        this.maxChars = maxChars;
        this.maxCellChars = maxCellChars;
    }

    void header(List<String> names) {
        appendLine(names);
    }

    /** Adds a row unless it would take the text past the size cap; returns whether it was added. */
    boolean row(List<String> values) {
        int before = text.length();
        appendLine(values);
        if (text.length() > maxChars) {
            text.setLength(before);
            return false;
        }
        return true;
    }

    String text() {
        return text.toString();
    }

    private void appendLine(List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append('\t');
            }
            text.append(escape(values.get(i)));
        }
        text.append('\n');
    }

    String escape(String value) {
        if (value == null) {
            return NULL;
        }
        String cut = value;
        String suffix = "";
        if (value.length() > maxCellChars) {
            cut = value.substring(0, maxCellChars);
            suffix = "...[" + (value.length() - maxCellChars) + " more characters]";
        }
        StringBuilder b = new StringBuilder(cut.length() + suffix.length() + 8);
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append(suffix).toString();
    }
}
