package com.pgedge.mcp.db;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pgedge.mcp.mcp.ToolCallContext;
import com.pgedge.mcp.mcp.ToolFailure;
import com.pgedge.mcp.mcp.ToolResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code get_schema_info}: schemas, tables and views, columns with types, defaults, NOT NULL,
 * keys and comments. Schema and table names are bound as parameters; no caller text is ever
 * part of the SQL.
 */
final class SchemaInfoTool extends DatabaseTool {

    /** Filters shared by every query; ?1/?2 = schema, ?3/?4 = table (null means any). */
    private static final String FILTER = """
            n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
              AND (CAST(? AS text) IS NULL OR n.nspname = ?)""";

    private static final String TABLE_FILTER = FILTER + """

              AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND (CAST(? AS text) IS NULL OR c.relname = ?)""";

    private static final String SCHEMAS = """
            SELECT n.nspname, pg_catalog.obj_description(n.oid, 'pg_namespace')
            FROM pg_catalog.pg_namespace n
            WHERE\s""" + FILTER + " ORDER BY 1";

    private static final String TABLES = """
            SELECT n.nspname, c.relname, c.relkind, pg_catalog.obj_description(c.oid, 'pg_class')
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE\s""" + TABLE_FILTER + " ORDER BY 1, 2";

    private static final String COLUMNS = """
            SELECT n.nspname, c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),
                   a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid),
                   pg_catalog.col_description(c.oid, a.attnum)
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attnum > 0 AND NOT a.attisdropped AND\s""" + TABLE_FILTER + " ORDER BY 1, 2, a.attnum";

    private static final String CONSTRAINTS = """
            SELECT n.nspname, c.relname, k.conname, k.contype, pg_catalog.pg_get_constraintdef(k.oid, true)
            FROM pg_catalog.pg_constraint k
            JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE k.contype IN ('p', 'u', 'f') AND\s""" + TABLE_FILTER + """

            ORDER BY 1, 2, CASE k.contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 ELSE 2 END, 3""";

    SchemaInfoTool(ReadOnlyAccess access) {
        super(access);
    }

    @Override
    public String name() {
        return "get_schema_info";
    }

    @Override
    protected String title() {
        return "Describe schemas and tables";
    }

    @Override
    public String description() {
        return "Describes the database structure: schemas, tables and views with their columns (type, NOT NULL, "
                + "default), primary, unique and foreign keys, and comments. Without arguments it covers every "
                + "user schema; give schema_name and/or table_name (exact, case-sensitive names) to narrow it.";
    }

    @Override
    protected ObjectNode properties() {
        ObjectNode props = newProperties();
        stringProperty(props, "schema_name", "Only this schema (exact name).");
        stringProperty(props, "table_name", "Only this table or view (exact name).");
        return props;
    }

    @Override
    protected String[] required() {
        return new String[0];
    }

    private record Column(String name, String type, boolean notNull, String defaultValue, String comment) {
    }

    private record Table(String schema, String name, String kind, String comment, List<Column> columns,
                         List<String> constraints) {
    }

    @Override
    protected ToolResult run(ToolCallContext context, ToolArguments args) {
        String schema = args.optionalString("schema_name");
        String table = args.optionalString("table_name");
        String text = access.call(context, args.optionalString(DATABASE), (connection, runner, db) -> {
            Map<String, String> schemas = new LinkedHashMap<>();
            try (PreparedStatement ps = prepare(connection, SCHEMAS, runner, schema)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        schemas.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            if (schema != null && schemas.isEmpty()) {
                throw new ToolFailure("No schema named '" + schema + "' (names are case-sensitive; call "
                        + "get_schema_info without arguments to list schemas)");
            }
            Map<String, Table> tables = new LinkedHashMap<>();
            try (PreparedStatement ps = prepare(connection, TABLES, runner, schema, table)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.put(key(rs.getString(1), rs.getString(2)), new Table(rs.getString(1), rs.getString(2),
                                kind(rs.getString(3)), rs.getString(4), new ArrayList<>(), new ArrayList<>()));
                    }
                }
            }
            if (table != null && tables.isEmpty()) {
                throw new ToolFailure("No table or view named '" + table + "'" + (schema == null ? "" : " in schema '"
                        + schema + "'") + " (names are case-sensitive)");
            }
            try (PreparedStatement ps = prepare(connection, COLUMNS, runner, schema, table)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Table t = tables.get(key(rs.getString(1), rs.getString(2)));
                        if (t != null) {
                            t.columns().add(new Column(rs.getString(3), rs.getString(4), rs.getBoolean(5),
                                    rs.getString(6), rs.getString(7)));
                        }
                    }
                }
            }
            try (PreparedStatement ps = prepare(connection, CONSTRAINTS, runner, schema, table)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Table t = tables.get(key(rs.getString(1), rs.getString(2)));
                        if (t != null) {
                            t.constraints().add(rs.getString(5) + "  (" + rs.getString(3) + ")");
                        }
                    }
                }
            }
            return render(db.name(), schemas, tables, table != null);
        });
        return ToolResult.text(text);
    }

    private static PreparedStatement prepare(Connection connection, String sql, ReadOnlyRunner runner, String schema)
            throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        ps.setQueryTimeout(runner.clientTimeoutSeconds());
        ps.setString(1, schema);
        ps.setString(2, schema);
        return ps;
    }

    private static PreparedStatement prepare(Connection connection, String sql, ReadOnlyRunner runner, String schema,
                                             String table) throws SQLException {
        PreparedStatement ps = prepare(connection, sql, runner, schema);
        ps.setString(3, table);
        ps.setString(4, table);
        return ps;
    }

    private String render(String database, Map<String, String> schemas, Map<String, Table> tables, boolean oneTable) {
        int cap = access.limits().maxResponseChars();
        StringBuilder out = new StringBuilder("Database: ").append(database).append('\n');
        for (Map.Entry<String, String> s : schemas.entrySet()) {
            List<Table> inSchema = tables.values().stream().filter(t -> t.schema().equals(s.getKey())).toList();
            if (oneTable && inSchema.isEmpty()) {
                continue;
            }
            List<StringBuilder> blocks = new ArrayList<>();
            StringBuilder head = new StringBuilder("\nSchema ").append(s.getKey());
            comment(head, s.getValue());
            head.append('\n');
            if (inSchema.isEmpty()) {
                head.append("  (no tables or views)\n");
            }
            blocks.add(head);
            for (Table t : inSchema) {
                blocks.add(describe(t));
            }
            for (StringBuilder block : blocks) {
                if (out.length() + block.length() > cap) {
                    out.append("\n[Output truncated at the response size limit. Call get_schema_info with schema_name "
                            + "(and table_name) to see the rest.]");
                    return out.toString();
                }
                out.append(block);
            }
        }
        return out.toString();
    }

    private static StringBuilder describe(Table t) {
        StringBuilder block = new StringBuilder("\n  ").append(t.kind()).append(' ').append(t.schema()).append('.')
                .append(t.name());
        comment(block, t.comment());
        block.append('\n');
        for (Column c : t.columns()) {
            block.append("    ").append(c.name()).append(' ').append(c.type());
            if (c.notNull()) {
                block.append(" NOT NULL");
            }
            if (c.defaultValue() != null) {
                block.append(" DEFAULT ").append(c.defaultValue());
            }
            comment(block, c.comment());
            block.append('\n');
        }
        for (String k : t.constraints()) {
            block.append("    ").append(k).append('\n');
        }
        return block;
    }

    private static void comment(StringBuilder b, String comment) {
        if (comment != null && !comment.isBlank()) {
            b.append("  -- ").append(comment.replace("\n", " "));
        }
    }

    private static String key(String schema, String table) {
        return schema + '\u0000' + table;
    }

    private static String kind(String relkind) {
        return switch (relkind) {
            case "v" -> "VIEW";
            case "m" -> "MATERIALIZED VIEW";
            case "f" -> "FOREIGN TABLE";
            case "p" -> "PARTITIONED TABLE";
            default -> "TABLE";
        };
    }
}
