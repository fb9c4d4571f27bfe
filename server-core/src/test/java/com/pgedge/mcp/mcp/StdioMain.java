package com.pgedge.mcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.LoggerFactory;

/** Runs the stdio server on this process's real stdin/stdout, for StdioServerTest. */
public final class StdioMain {

    private StdioMain() {
    }

    /** A tool that misbehaves by printing to System.out, which must not reach the protocol stream. */
    static final class Noisy implements McpTool {
        @Override
        public String name() {
            return "noisy";
        }

        @Override
        public String description() {
            return "Prints to stdout, then answers.";
        }

        @Override
        public ObjectNode inputSchema() {
            return McpJson.mapper().createObjectNode().put("type", "object");
        }

        @Override
        public ToolResult call(ToolCallContext context, JsonNode arguments) {
            System.out.println("stray output that is not JSON-RPC");
            LoggerFactory.getLogger(Noisy.class).info("noisy tool logged this");
            return ToolResult.text("done");
        }
    }

    public static void main(String[] args) throws Exception {
        LoggerFactory.getLogger(StdioMain.class).info("stdio test process starting");
        StdioServer.runOnStandardStreams(ToolRegistry.builder().tool(new TestTools.Echo()).tool(new Noisy()).build());
    }
}
