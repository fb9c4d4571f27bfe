package com.pgedge.mcp.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pgedge.mcp.auth.AuthPrincipal;
import com.pgedge.mcp.config.DatabaseConfig;
import com.pgedge.mcp.mcp.McpTool;
import com.pgedge.mcp.mcp.ToolCallContext;
import com.pgedge.mcp.mcp.ToolFailure;
import com.pgedge.mcp.mcp.ToolResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every tool against the real embedded database, through the McpTool interface. */
class DatabaseToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DatabaseConfig dev;
    private static DatabaseConfig inventory;
    private static DatabaseToolset single;
    private static DatabaseToolset multi;
    private static final ToolCallContext ANON = ToolCallContext.anonymous();

    @BeforeAll
    static void start() {
        dev = TestDatabase.get().databaseConfig();
        inventory = new DatabaseConfig("inventory", dev.host(), dev.port(), TestDatabase.SECOND_DATABASE, dev.user(),
                dev.password(), dev.sslmode(), 2, 0, Duration.ofMinutes(1));
        single = DatabaseToolset.open(List.of(dev));
        multi = DatabaseToolset.open(List.of(dev, inventory));
    }

    @AfterAll
    static void stop() {
        single.close();
        multi.close();
    }

    static McpTool tool(DatabaseToolset set, String name) {
        return set.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    static ToolResult call(DatabaseToolset set, ToolCallContext ctx, String name, String json) {
        try {
            return tool(set, name).call(ctx, JSON.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String ok(ToolResult r) {
        assertThat(r.isError()).as("error: %s", r.texts()).isFalse();
        return String.join("\n", r.texts());
    }

    static String error(ToolResult r) {
        assertThat(r.isError()).as("expected an error but got: %s", r.texts()).isTrue();
        return String.join("\n", r.texts());
    }

    private static ObjectNode q(String sql) {
        ObjectNode n = JSON.createObjectNode();
        n.put("query", sql);
        return n;
    }

    private static ToolResult query(ObjectNode args) {
        return tool(single, "query_database").call(ANON, args);
    }

    @Test
    void startupProgressWasReported() {
        assertThat(TestDatabase.PROGRESS).anyMatch(s -> s.startsWith("Starting PostgreSQL"))
                .anyMatch(s -> s.contains("is ready on localhost:" + dev.port()));
    }

    @Test
    void toolsAreListedInOrderWithReadOnlyAnnotations() {
        assertThat(single.tools()).extracting(McpTool::name)
                .containsExactly("query_database", "get_schema_info", "execute_explain", "count_rows");
        for (McpTool t : single.tools()) {
            assertThat(t.annotations().get("readOnlyHint").asBoolean()).isTrue();
            assertThat(t.annotations().get("destructiveHint").asBoolean()).isFalse();
            assertThat(t.inputSchema().get("type").asText()).isEqualTo("object");
            assertThat(t.inputSchema().get("properties").has("database")).as("single database: no argument").isFalse();
            assertThat(t.description()).isNotBlank();
        }
        assertThat(tool(single, "query_database").inputSchema().get("required").toString()).isEqualTo("[\"query\"]");
        assertThat(single.resources()).extracting(r -> r.uri()).containsExactly("pg://system_info");
    }

    @Test
    void queryReturnsTsvWithAHeader() {
        String text = ok(query(q("SELECT id, name, country FROM customers ORDER BY id LIMIT 3")));
        assertThat(text).isEqualTo("id\tname\tcountry\n1\tAda Lovelace\tGB\n2\tGrace Hopper\tUS\n3\tAlan Turing\tGB\n");
    }

    @Test
    void valuesAreEscapedAndNullIsBackslashN() {
        String text = ok(query(q("SELECT E'a\\tb\\nc\\rd' AS x, NULL AS y, E'back\\\\slash' AS z, '' AS empty")));
        assertThat(text).isEqualTo("x\ty\tz\tempty\na\\tb\\nc\\rd\t\\N\tback\\\\slash\t\n");
    }

    @Test
    void pagesWithLimitAndOffsetAndSaysHowToGetTheNextPage() {
        String sql = "SELECT g FROM generate_series(1, 250) g ORDER BY g";
        ObjectNode args = q(sql);
        String first = ok(query(args));
        assertThat(first.lines().toList()).hasSize(1 + 100 + 1);
        assertThat(first).startsWith("g\n1\n2\n").contains("\n100\n")
                .endsWith("[Truncated: showing rows 1-100; more rows are available. To get the next page, call "
                        + "query_database again with the same query, limit=100 and offset=100.]");

        args.put("offset", 200);
        args.put("limit", 100);
        String last = ok(query(args));
        assertThat(last).startsWith("g\n201\n").endsWith("\n250\n").doesNotContain("Truncated");

        args.put("offset", 245);
        args.put("limit", 5);
        assertThat(ok(query(args))).isEqualTo("g\n246\n247\n248\n249\n250\n");

        args.put("offset", 300);
        assertThat(ok(query(args))).contains("(no rows").contains("250 rows");
    }

    @Test
    void limitIsBoundedAndValidated() {
        ObjectNode args = q("SELECT g FROM generate_series(1, 2000) g");
        args.put("limit", 1000);
        assertThat(ok(query(args)).lines().filter(l -> l.matches("\\d+")).count()).isEqualTo(1000);
        args.put("limit", 1001);
        assertThat(error(query(args))).contains("'limit' must be between 1 and 1000");
        args.put("limit", 0);
        assertThat(error(query(args))).contains("'limit' must be between 1 and 1000");
        args.put("limit", "3");
        assertThat(ok(query(args))).startsWith("g\n1\n2\n3\n[Truncated");
        args.put("limit", "three");
        assertThat(error(query(args))).contains("'limit' must be a whole number");
        args.remove("limit");
        args.put("offset", -1);
        assertThat(error(query(args))).contains("'offset' must be between 0");
        ObjectNode unknown = q("SELECT 1");
        unknown.put("rows", 5);
        assertThat(error(query(unknown))).contains("Unknown argument 'rows'");
        assertThat(error(tool(single, "query_database").call(ANON, JSON.createObjectNode())))
                .contains("Missing required argument 'query'");
        assertThat(error(tool(single, "query_database").call(ANON, JSON.getNodeFactory().textNode("SELECT 1"))))
                .contains("must be a JSON object");
    }

    @Test
    void responseSizeIsCappedAtARowBoundary() {
        QueryLimits small = QueryLimits.defaults().withMaxResponseChars(2048);
        try (DatabaseToolset capped = DatabaseToolset.open(List.of(dev), small, Clock.systemUTC())) {
            String text = ok(tool(capped, "query_database").call(ANON,
                    q("SELECT g, repeat('x', 100) AS pad FROM generate_series(1, 100) g ORDER BY g")));
            assertThat(text.length()).isLessThan(2048 + 400);
            List<String> rows = text.lines().filter(l -> l.matches("\\d+\tx+")).toList();
            assertThat(rows).isNotEmpty().hasSizeLessThan(100).allMatch(r -> r.endsWith("x".repeat(100)));
            assertThat(text).contains("response size limit of 2048 characters")
                    .contains("offset=" + rows.size());
        }
    }

    @Test
    void longValuesAreCut() {
        String text = ok(query(q("SELECT repeat('y', 10000) AS long_value")));
        assertThat(text).contains("y".repeat(8192) + "...[1808 more characters]").doesNotContain("y".repeat(8193));
    }

    @Test
    void sqlErrorsAreToolErrorsWithTheServerMessage() {
        String text = error(query(q("SELECT * FROM no_such_table")));
        assertThat(text).contains("relation \"no_such_table\" does not exist").contains("SQLSTATE: 42P01")
                .doesNotContain("jdbc:").doesNotContain(dev.password()).doesNotContain("\tat ");
    }

    @Test
    void jsonbQuestionMarkOperatorIsNotTakenForAParameter() {
        assertThat(ok(query(q("SELECT '{\"a\":1}'::jsonb ? 'a' AS has_a")))).isEqualTo("has_a\nt\n");
    }

    @Test
    void showAndExplainAndValuesAndTableWork() {
        assertThat(ok(query(q("SHOW transaction_read_only")))).isEqualTo("transaction_read_only\non\n");
        assertThat(ok(query(q("VALUES (1, 'a'), (2, 'b')")))).isEqualTo("column1\tcolumn2\n1\ta\n2\tb\n");
        ObjectNode t = q("TABLE products");
        t.put("limit", 2);
        assertThat(ok(query(t))).startsWith("id\tsku\tname\tcategory\tprice\tin_stock\n").contains("Truncated");
        assertThat(ok(query(q("EXPLAIN SELECT * FROM customers")))).startsWith("QUERY PLAN\nSeq Scan on customers");
    }

    @Test
    void schemaInfoDescribesTablesColumnsKeysAndComments() {
        String all = ok(call(single, ANON, "get_schema_info", "{}"));
        assertThat(all).startsWith("Database: dev\n")
                .contains("Schema public  -- Sample shop data for trying the MCP tools")
                .contains("TABLE public.customers  -- People who have an account in the shop")
                .contains("    email text NOT NULL  -- Login and contact address; unique")
                .contains("    id integer NOT NULL")
                .contains("    price numeric(10,2) NOT NULL  -- Current unit price in EUR")
                .contains("    in_stock integer NOT NULL DEFAULT 0")
                .contains("PRIMARY KEY (id)  (customers_pkey)")
                .contains("UNIQUE (email)")
                .contains("FOREIGN KEY (customer_id) REFERENCES customers(id)")
                .contains("PRIMARY KEY (order_id, product_id)")
                .contains("VIEW public.order_totals  -- Order value")
                .doesNotContain("pg_catalog").doesNotContain("information_schema");

        String orders = ok(call(single, ANON, "get_schema_info", "{\"table_name\": \"orders\"}"));
        assertThat(orders).contains("TABLE public.orders").doesNotContain("TABLE public.customers")
                .contains("status text NOT NULL  -- pending, paid, shipped or cancelled");
        String inSchema = ok(call(single, ANON, "get_schema_info",
                "{\"schema_name\": \"public\", \"table_name\": \"products\"}"));
        assertThat(inSchema).contains("TABLE public.products").doesNotContain("public.orders");
    }

    @Test
    void schemaInfoBindsNamesAsParameters() {
        assertThat(error(call(single, ANON, "get_schema_info", "{\"schema_name\": \"nope\"}")))
                .contains("No schema named 'nope'");
        assertThat(error(call(single, ANON, "get_schema_info",
                "{\"table_name\": \"customers'; DROP TABLE customers; --\"}")))
                .contains("No table or view named 'customers'; DROP TABLE customers; --'");
        assertThat(error(call(single, ANON, "get_schema_info",
                "{\"schema_name\": \"public' OR '1'='1\"}"))).contains("No schema named");
        assertThat(error(call(single, ANON, "get_schema_info", "{\"table_name\": \"\\\"customers\\\"\"}")))
                .contains("No table or view named");
        assertThat(TestDatabase.adminQuery("SELECT count(*) FROM customers")).isEqualTo("10");
    }

    @Test
    void explainInTextAndJsonAndWithAnalyze() {
        String text = ok(call(single, ANON, "execute_explain", "{\"query\": \"SELECT * FROM customers WHERE id = 3\"}"));
        assertThat(text).contains("customers").contains("cost=").doesNotContain("actual time");
        String analyzed = ok(call(single, ANON, "execute_explain",
                "{\"query\": \"SELECT count(*) FROM orders\", \"analyze\": true}"));
        assertThat(analyzed).contains("actual time=").contains("Execution Time");
        String json = ok(call(single, ANON, "execute_explain",
                "{\"query\": \"SELECT * FROM products;\", \"format\": \"json\"}"));
        try {
            JsonNode plan = JSON.readTree(json);
            assertThat(plan.get(0).get("Plan").get("Relation Name").asText()).isEqualTo("products");
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
        assertThat(error(call(single, ANON, "execute_explain", "{\"query\": \"SELECT 1\", \"format\": \"xml\"}")))
                .contains("'format' must be one of json, text");
        assertThat(error(call(single, ANON, "execute_explain", "{\"query\": \"DELETE FROM orders\", \"analyze\": true}")))
                .contains("must start with SELECT, WITH, VALUES or TABLE");
        assertThat(error(call(single, ANON, "execute_explain", "{\"query\": \"EXPLAIN SELECT 1\"}")))
                .contains("must start with");
    }

    @Test
    void countRowsWithAndWithoutACondition() {
        assertThat(ok(call(single, ANON, "count_rows", "{\"table\": \"customers\"}"))).isEqualTo("public.customers: 10 rows");
        assertThat(ok(call(single, ANON, "count_rows", "{\"table\": \"customers\", \"where\": \"country = 'GB'\"}")))
                .isEqualTo("public.customers: 3 rows matching the condition");
        assertThat(ok(call(single, ANON, "count_rows",
                "{\"table\": \"orders\", \"schema\": \"public\", \"where\": \"status = 'paid' -- comment\"}")))
                .isEqualTo("public.orders: 10 rows matching the condition");
        assertThat(ok(call(single, ANON, "count_rows", "{\"table\": \"order_totals\"}"))).isEqualTo("public.order_totals: 40 rows");
        assertThat(error(call(single, ANON, "count_rows", "{\"table\": \"Customers\"}")))
                .contains("No table or view named 'Customers' in schema 'public'");
        assertThat(error(call(single, ANON, "count_rows", "{\"table\": \"customers\", \"where\": \"no_column = 1\"}")))
                .contains("column \"no_column\" does not exist");
        assertThat(error(call(single, ANON, "count_rows", "{}"))).contains("Missing required argument 'table'");
    }

    @Test
    void countRowsQuotesAndBindsHostileNames() {
        for (String table : List.of("customers\"; DROP TABLE customers; --", "customers; DELETE FROM orders",
                "x' OR '1'='1", "customers\\", "\"customers\"")) {
            ObjectNode args = JSON.createObjectNode();
            args.put("table", table);
            assertThat(error(tool(single, "count_rows").call(ANON, args))).contains("No table or view named");
            args.put("schema", table);
            assertThat(error(tool(single, "count_rows").call(ANON, args))).contains("No table or view named");
        }
        assertThat(error(call(single, ANON, "count_rows",
                "{\"table\": \"customers\", \"where\": \"true; DELETE FROM orders\"}"))).contains("must not contain ';'");
        assertThat(error(call(single, ANON, "count_rows",
                "{\"table\": \"customers\", \"where\": \"true) UNION SELECT count(*) FROM orders WHERE (true\"}")))
                .contains("unmatched ')'");
        assertThat(error(call(single, ANON, "count_rows",
                "{\"table\": \"customers\", \"where\": \"id IN (SELECT id FROM customers FOR UPDATE)\"}")))
                .contains("not allowed");
        assertThat(TestDatabase.adminQuery("SELECT count(*) FROM orders")).isEqualTo("40");
        assertThat(TestDatabase.adminQuery("SELECT count(*) FROM customers")).isEqualTo("10");
    }

    @Test
    void systemInfoNamesVersionOsAndArchitecture() throws Exception {
        String text = single.resources().get(0).read(ANON);
        JsonNode info = JSON.readTree(text);
        assertThat(info.get("postgresql_version").asText()).startsWith("14.");
        assertThat(info.get("version").asText()).startsWith("PostgreSQL 14.");
        assertThat(info.get("architecture").asText()).isEqualTo(System.getProperty("os.arch").equals("amd64")
                ? "x86_64" : info.get("architecture").asText()).isNotEqualTo("unknown");
        assertThat(info.get("os").asText()).isNotEqualTo("unknown");
        assertThat(info.get("current_user").asText()).isEqualTo(DevDatabase.READ_ONLY_ROLE);
        assertThat(info.get("current_database").asText()).isEqualTo("shop");
        assertThat(info.get("database").asText()).isEqualTo("dev");
    }

    @Test
    void platformParsing() {
        assertThat(SystemInfoResource.platform("PostgreSQL 16.2 on aarch64-apple-darwin23.2.0, compiled by Apple clang, 64-bit"))
                .isEqualTo(new SystemInfoResource.Platform("darwin23.2.0", "aarch64", 64));
        assertThat(SystemInfoResource.platform("PostgreSQL 15.1, compiled by Visual C++ build 1914, 64-bit"))
                .isEqualTo(new SystemInfoResource.Platform("windows", "x86_64", 64));
    }

    @Test
    void severalDatabasesAreOfferedAndBoundTokensReachOnlyTheirOwn() {
        McpTool q = tool(multi, "query_database");
        JsonNode dbProp = q.inputSchema().get("properties").get("database");
        assertThat(dbProp.get("enum").toString()).isEqualTo("[\"dev\",\"inventory\"]");

        ToolCallContext unbound = ctx("unbound-hash", null);
        assertThat(ok(call(multi, unbound, "query_database", "{\"query\": \"SELECT code FROM bins ORDER BY code\", "
                + "\"database\": \"inventory\"}"))).isEqualTo("code\nA1\nA2\nB1\n");
        assertThat(ok(call(multi, unbound, "count_rows", "{\"table\": \"customers\"}"))).contains("10 rows");

        ToolCallContext boundToDev = ctx("dev-hash", "dev");
        assertThat(error(call(multi, boundToDev, "query_database", "{\"query\": \"SELECT 1\", \"database\": \"inventory\"}")))
                .isEqualTo("This token is bound to database 'dev' and may not use database 'inventory'");
        assertThat(error(call(multi, boundToDev, "count_rows", "{\"table\": \"bins\", \"database\": \"inventory\"}")))
                .contains("bound to database 'dev'");
        assertThat(error(call(multi, boundToDev, "get_schema_info", "{\"database\": \"inventory\"}")))
                .contains("bound to database 'dev'");
        assertThat(ok(call(multi, boundToDev, "query_database", "{\"query\": \"SELECT current_database()\"}")))
                .isEqualTo("current_database\nshop\n");

        ToolCallContext boundToInventory = ctx("inv-hash", "inventory");
        assertThat(ok(call(multi, boundToInventory, "query_database", "{\"query\": \"SELECT current_database()\"}")))
                .isEqualTo("current_database\ninventory\n");
        assertThat(error(call(multi, boundToInventory, "execute_explain", "{\"query\": \"SELECT 1\", \"database\": \"dev\"}")))
                .contains("bound to database 'inventory'");
        assertThat(multi.resources().get(0).read(boundToInventory)).contains("\"current_database\" : \"inventory\"");

        ToolCallContext boundElsewhere = ctx("other-hash", "production");
        assertThat(error(call(multi, boundElsewhere, "query_database", "{\"query\": \"SELECT 1\"}")))
                .contains("bound to database 'production', which is not configured");
        assertThat(error(call(multi, unbound, "query_database", "{\"query\": \"SELECT 1\", \"database\": \"nope\"}")))
                .contains("Unknown database 'nope'; configured: dev, inventory");

        // A bound token never got a pool on the other database.
        assertThat(multi.pools().find("dev-hash", "inventory")).isNull();
        assertThat(multi.pools().find("dev-hash", "dev")).isNotNull();
    }

    @Test
    void resourceRefusesABoundTokenOnAnUnconfiguredDatabase() {
        Executable read = () -> single.resources().get(0).read(ctx("h", "elsewhere"));
        org.junit.jupiter.api.Assertions.assertThrows(ToolFailure.class, read);
    }

    @Test
    void connectionErrorsNameTheDatabaseButNoSecrets() {
        DatabaseConfig wrongPassword = new DatabaseConfig("dev", dev.host(), dev.port(), dev.database(), dev.user(),
                "Sup3r-Secret-Passw0rd", "disable", 1, 0, null);
        try (DatabaseToolset bad = DatabaseToolset.open(List.of(wrongPassword))) {
            String text = error(tool(bad, "query_database").call(ANON, q("SELECT 1")));
            assertThat(text).contains("password authentication failed for user \"mcp_readonly\"")
                    .doesNotContain("Sup3r-Secret-Passw0rd").doesNotContain("jdbc:");
        }
        DatabaseConfig closedPort = new DatabaseConfig("dev", "127.0.0.1", 1, dev.database(), dev.user(),
                "Sup3r-Secret-Passw0rd", "disable", 1, 0, null);
        QueryLimits quick = new QueryLimits(Duration.ofSeconds(5), 100, 1000, 256 * 1024, 8192,
                Duration.ofMinutes(1), 8, Duration.ofSeconds(1));
        try (DatabaseToolset bad = DatabaseToolset.open(List.of(closedPort), quick, Clock.systemUTC())) {
            String text = error(tool(bad, "query_database").call(ANON, q("SELECT 1")));
            assertThat(text).startsWith("Could not connect to database 'dev':")
                    .doesNotContain("Sup3r-Secret-Passw0rd").doesNotContain("jdbc:");
        }
    }

    @Test
    void configurationErrorsAreClear() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DatabaseToolset.open(List.of()))
                .hasMessageContaining("no database is configured");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DatabaseToolset.open(List.of(dev, dev)))
                .hasMessageContaining("two configured databases are named 'dev'");
    }

    static ToolCallContext ctx(String hash, String database) {
        return new ToolCallContext(new AuthPrincipal(AuthPrincipal.Kind.API_TOKEN, "token-" + hash, hash, database));
    }
}
