package com.pgedge.mcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CountDownLatch;

/** Small real tools for protocol and transport tests (the PostgreSQL tools live elsewhere). */
public final class TestTools {

    private TestTools() {
    }

    /** The registry most tests use: echo, sleep, broken, and one resource. */
    public static ToolRegistry registry() {
        return ToolRegistry.builder()
                .tool(new Echo())
                .tool(new Sleep())
                .tool(new Broken())
                .tool(new WhoAmI())
                .resource(new Hello())
                .build();
    }

    private static ObjectNode schema() {
        ObjectNode schema = McpJson.mapper().createObjectNode();
        schema.put("type", "object");
        return schema;
    }

    /** echo(message: string, repeat?: integer): returns the message. */
    public static class Echo implements McpTool {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String description() {
            return "Returns the message it was given.";
        }

        @Override
        public ObjectNode inputSchema() {
            ObjectNode schema = schema();
            ObjectNode props = schema.putObject("properties");
            props.putObject("message").put("type", "string");
            props.putObject("repeat").put("type", "integer");
            schema.putArray("required").add("message");
            schema.put("additionalProperties", false);
            return schema;
        }

        @Override
        public ToolResult call(ToolCallContext context, JsonNode arguments) {
            String message = arguments.get("message").asText();
            if (message.equals("fail")) {
                return ToolResult.error("echo refuses to say fail");
            }
            if (message.equals("throw-failure")) {
                throw new ToolFailure("a failure the model can read");
            }
            int repeat = arguments.path("repeat").asInt(1);
            return ToolResult.text(message.repeat(Math.max(1, Math.min(repeat, 10))));
        }
    }

    /** sleep(ms): blocks a worker, for graceful-stop and starvation tests. */
    public static final class Sleep implements McpTool {
        public static volatile CountDownLatch started = new CountDownLatch(1);

        @Override
        public String name() {
            return "sleep";
        }

        @Override
        public String description() {
            return "Sleeps for ms milliseconds.";
        }

        @Override
        public ObjectNode inputSchema() {
            ObjectNode schema = schema();
            schema.putObject("properties").putObject("ms").put("type", "integer");
            schema.putArray("required").add("ms");
            return schema;
        }

        @Override
        public ToolResult call(ToolCallContext context, JsonNode arguments) {
            started.countDown();
            try {
                Thread.sleep(arguments.get("ms").asLong());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ToolResult.error("interrupted");
            }
            return ToolResult.text("slept");
        }
    }

    /** A tool with a bug: throws an unexpected exception carrying something secret-looking. */
    public static final class Broken implements McpTool {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public String description() {
            return "Always throws.";
        }

        @Override
        public ObjectNode inputSchema() {
            return schema();
        }

        @Override
        public ToolResult call(ToolCallContext context, JsonNode arguments) {
            throw new IllegalStateException("jdbc:postgresql://db/secret password=hunter2");
        }
    }

    /** Reports who called it, so tests can see which principal reached the tool. */
    public static final class WhoAmI implements McpTool {
        @Override
        public String name() {
            return "whoami";
        }

        @Override
        public String description() {
            return "Tells the caller's kind and name.";
        }

        @Override
        public ObjectNode inputSchema() {
            return schema();
        }

        @Override
        public ToolResult call(ToolCallContext context, JsonNode arguments) {
            return ToolResult.text(context.principal().kind() + " " + context.principal().name());
        }
    }

    public static final class Hello implements McpResource {
        @Override
        public String uri() {
            return "test://hello";
        }

        @Override
        public String name() {
            return "hello";
        }

        @Override
        public String description() {
            return "A greeting.";
        }

        @Override
        public String read(ToolCallContext context) {
            return "{\"hello\":\"world\"}";
        }
    }
}
