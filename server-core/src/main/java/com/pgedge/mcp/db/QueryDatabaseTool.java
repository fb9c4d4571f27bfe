package com.pgedge.mcp.db;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pgedge.mcp.mcp.ToolCallContext;
import com.pgedge.mcp.mcp.ToolResult;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** {@code query_database}: one read-only statement, results as TSV, paged with limit/offset. */
final class QueryDatabaseTool extends DatabaseTool {

    static final int MAX_OFFSET = 10_000_000;

    QueryDatabaseTool(ReadOnlyAccess access) {
        super(access);
    }

    @Override
    public String name() {
        return "query_database";
    }

    @Override
    protected String title() {
        return "Query the database (read-only)";
    }

    @Override
    public String description() {
        QueryLimits l = access.limits();
        return "Runs exactly one read-only SQL statement (SELECT, WITH, VALUES, TABLE, SHOW or EXPLAIN) and returns "
                + "the rows as tab-separated values with a header line. NULL is shown as \\N; tabs, newlines and "
                + "backslashes inside values are escaped as \\t, \\n and \\\\. Returns at most 'limit' rows (default "
                + l.defaultRows() + ", max " + l.maxRows() + ") starting at 'offset'; when more rows exist, a note "
                + "at the end gives the offset of the next page. The statement runs in a read-only transaction "
                + "that is rolled back, with a " + l.statementTimeout().toSeconds() + " s timeout. Add ORDER BY "
                + "for stable pages.";
    }

    @Override
    protected ObjectNode properties() {
        QueryLimits l = access.limits();
        ObjectNode props = newProperties();
        stringProperty(props, "query", "One SQL statement: SELECT, WITH, VALUES, TABLE, SHOW or EXPLAIN. "
                + "No semicolon-separated batches.");
        ObjectNode limit = props.putObject("limit");
        limit.put("type", "integer");
        limit.put("description", "Maximum number of rows to return (default " + l.defaultRows() + ").");
        limit.put("minimum", 1);
        limit.put("maximum", l.maxRows());
        limit.put("default", l.defaultRows());
        ObjectNode offset = props.putObject("offset");
        offset.put("type", "integer");
        offset.put("description", "Number of rows to skip, for paging (default 0).");
        offset.put("minimum", 0);
        offset.put("maximum", MAX_OFFSET);
        offset.put("default", 0);
        return props;
    }

    @Override
    protected String[] required() {
        return new String[] {"query"};
    }

    @Override
    protected ToolResult run(ToolCallContext context, ToolArguments args) {
        QueryLimits l = access.limits();
        String query = args.requiredString("query");
        int limit = args.integer("limit", l.defaultRows(), 1, l.maxRows());
        int offset = args.integer("offset", 0, 0, MAX_OFFSET);
        // Quick answer before taking a connection; repeated inside with the server's real setting.
        ReadOnlyStatementGuard.checkQuery(query, true);
        String text = access.call(context, args.optionalString(DATABASE), (connection, runner, db) -> {
            String sql = ReadOnlyStatementGuard.checkQuery(query, ReadOnlyRunner.standardConformingStrings(connection));
            try (Statement st = connection.createStatement()) {
                st.setQueryTimeout(runner.clientTimeoutSeconds());
                st.setMaxRows(offset + limit + 1);
                st.setFetchSize(Math.min(limit + 1, 500));
                if (!st.execute(sql)) {
                    return "The statement returned no result set.";
                }
                try (ResultSet rs = st.getResultSet()) {
                    return page(rs, limit, offset);
                }
            }
        });
        return ToolResult.text(text);
    }

    private String page(ResultSet rs, int limit, int offset) throws java.sql.SQLException {
        QueryLimits l = access.limits();
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        TsvWriter tsv = new TsvWriter(l.maxResponseChars(), l.maxCellChars());
        List<String> header = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
            header.add(meta.getColumnLabel(i));
        }
        tsv.header(header);
        int skipped = 0;
        while (skipped < offset && rs.next()) {
            skipped++;
        }
        int returned = 0;
        boolean more = false;
        boolean sizeCapped = false;
        while (rs.next()) {
            if (returned == limit) {
                more = true;
                break;
            }
            List<String> row = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                row.add(rs.getString(i));
            }
            if (!tsv.row(row)) {
                sizeCapped = true;
                more = true;
                break;
            }
            returned++;
        }
        StringBuilder out = new StringBuilder(tsv.text());
        int next = offset + returned;
        if (returned == 0) {
            out.append(offset > 0 && skipped < offset ? "(no rows: the result has only " + skipped + " rows, fewer than offset "
                    + offset + ")" : "(no rows)");
        } else if (sizeCapped) {
            out.append("[Output truncated after ").append(returned).append(" rows because the response size limit of ")
                    .append(l.maxResponseChars()).append(" characters was reached. To get the next page, call query_database "
                    + "again with the same query and offset=").append(next).append(", or select fewer columns.]");
        } else if (more) {
            out.append("[Truncated: showing rows ").append(offset + 1).append('-').append(next)
                    .append("; more rows are available. To get the next page, call query_database again with the same "
                    + "query, limit=").append(limit).append(" and offset=").append(next).append(".]");
        }
        return out.toString();
    }
}
