package com.pgedge.mcp.db;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pgedge.mcp.mcp.ToolCallContext;
import com.pgedge.mcp.mcp.ToolResult;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

/** {@code execute_explain}: the plan of one query, optionally with ANALYZE, as text or JSON. */
final class ExplainTool extends DatabaseTool {

    ExplainTool(ReadOnlyAccess access) {
        super(access);
    }

    @Override
    public String name() {
        return "execute_explain";
    }

    @Override
    protected String title() {
        return "Explain a query plan";
    }

    @Override
    public String description() {
        return "Shows PostgreSQL's execution plan for one query (SELECT, WITH, VALUES or TABLE). With analyze=true "
                + "the query is actually run (read-only, rolled back, with the usual timeout) and actual times and "
                + "row counts are shown. format is 'text' (default) or 'json'.";
    }

    @Override
    protected ObjectNode properties() {
        ObjectNode props = newProperties();
        stringProperty(props, "query", "The query to explain, without EXPLAIN.");
        ObjectNode analyze = props.putObject("analyze");
        analyze.put("type", "boolean");
        analyze.put("description", "Run the query and report actual timings (EXPLAIN ANALYZE). Default false.");
        analyze.put("default", false);
        ObjectNode format = props.putObject("format");
        format.put("type", "string");
        format.put("description", "Output format: text or json. Default text.");
        ArrayNode values = format.putArray("enum");
        values.add("text");
        values.add("json");
        format.put("default", "text");
        return props;
    }

    @Override
    protected String[] required() {
        return new String[] {"query"};
    }

    @Override
    protected ToolResult run(ToolCallContext context, ToolArguments args) {
        String query = args.requiredString("query");
        boolean analyze = args.bool("analyze", false);
        String format = args.choice("format", "text", Set.of("text", "json"));
        ReadOnlyStatementGuard.checkExplainable(query, true);
        String text = access.call(context, args.optionalString(DATABASE), (connection, runner, db) -> {
            boolean scs = ReadOnlyRunner.standardConformingStrings(connection);
            String statement = ReadOnlyStatementGuard.checkExplainable(query, scs);
            String sql = "EXPLAIN (ANALYZE " + analyze + ", FORMAT " + format.toUpperCase(Locale.ROOT) + ") " + statement;
            // The wrapped text is checked again as a whole: belt and braces.
            ReadOnlyStatementGuard.checkQuery(sql, scs);
            StringBuilder plan = new StringBuilder();
            try (Statement st = connection.createStatement()) {
                st.setQueryTimeout(runner.clientTimeoutSeconds());
                st.setMaxRows(100_000);
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        if (plan.length() > 0) {
                            plan.append('\n');
                        }
                        plan.append(rs.getString(1));
                        if (plan.length() > access.limits().maxResponseChars()) {
                            plan.setLength(access.limits().maxResponseChars());
                            plan.append("\n[Plan truncated: it is longer than the response size limit.]");
                            break;
                        }
                    }
                }
            }
            return plan.toString();
        });
        return ToolResult.text(text);
    }
}
