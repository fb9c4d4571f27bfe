package com.pgedge.mcp.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fixed-width text table: every column as wide as its widest cell, two spaces between
 * columns, a dashed rule under the header, the last column unpadded. Cells are made
 * {@link Printable} first, so a hostile annotation cannot break the layout.
 */
final class TextTable {

    private final String[] headers;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = headers.clone();
    }

    void add(String... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("expected " + headers.length + " cells");
        }
        String[] clean = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            clean[i] = Printable.of(cells[i]);
        }
        rows.add(clean);
    }

    void print(PrintStream out) {
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = width(headers[i]);
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        out.println(line(headers, widths));
        String[] rule = new String[headers.length];
        for (int i = 0; i < rule.length; i++) {
            char[] dashes = new char[widths[i]];
            Arrays.fill(dashes, '-');
            rule[i] = new String(dashes);
        }
        out.println(line(rule, widths));
        for (String[] row : rows) {
            out.println(line(row, widths));
        }
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append("  ");
            }
            b.append(cells[i]);
            if (i < cells.length - 1) {
                b.append(" ".repeat(widths[i] - width(cells[i])));
            }
        }
        return b.toString().stripTrailing();
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
