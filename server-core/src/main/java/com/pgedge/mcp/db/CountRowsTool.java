package com.pgedge.mcp.db;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pgedge.mcp.mcp.ToolCallContext;
import com.pgedge.mcp.mcp.ToolFailure;
import com.pgedge.mcp.mcp.ToolResult;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.core.Utils;

/**
 * {@code count_rows}: {@code SELECT count(*)} of one table, optionally with a condition. The
 * table is first looked up with its names bound as parameters; only a table that exists is then
 * named in the count, with both identifiers quoted by the driver's own quoting routine.
 */
final class CountRowsTool extends DatabaseTool {

    private static final String FIND_TABLE = """
            SELECT 1 FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')""";

    CountRowsTool(ReadOnlyAccess access) {
        super(access);
    }

    @Override
    public String name() {
        return "count_rows";
    }

    @Override
    protected String title() {
        return "Count rows in a table";
    }

    @Override
    public String description() {
        return "Counts the rows of one table or view, optionally only those matching a condition. 'table' and "
                + "'schema' are exact, case-sensitive names (no quotes needed). 'where' is a SQL boolean expression "
                + "without the WHERE keyword, e.g. status = 'shipped' AND total > 100.";
    }

    @Override
    protected ObjectNode properties() {
        ObjectNode props = newProperties();
        stringProperty(props, "table", "Table or view name, exactly as stored (case-sensitive, unquoted).");
        ObjectNode schema = props.putObject("schema");
        schema.put("type", "string");
        schema.put("description", "Schema name (default public).");
        schema.put("default", "public");
        stringProperty(props, "where", "Optional condition, without the WHERE keyword.");
        return props;
    }

    @Override
    protected String[] required() {
        return new String[] {"table"};
    }

    @Override
    protected ToolResult run(ToolCallContext context, ToolArguments args) {
        String table = args.requiredString("table");
        String schema = args.optionalString("schema");
        String schemaName = schema == null ? "public" : schema;
        String where = args.optionalString("where");
        if (where != null) {
            ReadOnlyStatementGuard.checkCondition(where, true);
        }
        String text = access.call(context, args.optionalString(DATABASE), (connection, runner, db) -> {
            boolean scs = ReadOnlyRunner.standardConformingStrings(connection);
            try (PreparedStatement find = connection.prepareStatement(FIND_TABLE)) {
                find.setString(1, schemaName);
                find.setString(2, table);
                try (ResultSet rs = find.executeQuery()) {
                    if (!rs.next()) {
                        throw new ToolFailure("No table or view named '" + table + "' in schema '" + schemaName
                                + "' (names are case-sensitive; use get_schema_info to list tables)");
                    }
                }
            }
            StringBuilder sql = new StringBuilder("SELECT count(*) FROM ");
            quote(sql, schemaName);
            sql.append('.');
            quote(sql, table);
            if (where != null) {
                ReadOnlyStatementGuard.checkCondition(where, scs);
                // Newlines keep a trailing line comment in the condition from swallowing the ')'.
                sql.append(" WHERE (\n").append(where).append("\n)");
            }
            String statement = ReadOnlyStatementGuard.checkQuery(sql.toString(), scs);
            try (Statement st = connection.createStatement()) {
                st.setQueryTimeout(runner.clientTimeoutSeconds());
                try (ResultSet rs = st.executeQuery(statement)) {
                    rs.next();
                    long count = rs.getLong(1);
                    return schemaName + "." + table + ": " + count + (count == 1 ? " row" : " rows")
                            + (where == null ? "" : " matching the condition");
                }
            }
        });
        return ToolResult.text(text);
    }

    private static void quote(StringBuilder sql, String identifier) throws SQLException {
        Utils.escapeIdentifier(sql, identifier);
    }
}
