package com.pgedge.mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The transport-free protocol core: classification, methods, errors, registry rules. */
class McpDispatcherTest {

    private final McpDispatcher dispatcher = new McpDispatcher(TestTools.registry());

    private JsonNode handle(String json) throws Exception {
        byte[] out = dispatcher.handle(json.getBytes(StandardCharsets.UTF_8), ToolCallContext.anonymous());
        return out == null ? null : McpJson.mapper().readTree(out);
    }

    @Test
    void classifiesMessages() {
        assertThat(IncomingMessage.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}".getBytes()))
                .isInstanceOf(IncomingMessage.Request.class);
        assertThat(IncomingMessage.parse("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/x\"}".getBytes()))
                .isInstanceOf(IncomingMessage.Notification.class);
        assertThat(IncomingMessage.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":1}}".getBytes()))
                .isInstanceOf(IncomingMessage.Response.class);
        for (String bad : new String[] {"42", "null", "{}", "\"s\"", "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"p\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"p\"}", "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"p\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"p\"}", "{\"jsonrpc\":\"2.0\",\"id\":1}", "[]"}) {
            IncomingMessage m = IncomingMessage.parse(bad.getBytes());
            assertThat(m).as(bad).isInstanceOf(IncomingMessage.Invalid.class);
            assertThat(((IncomingMessage.Invalid) m).error().code()).as(bad).isEqualTo(JsonRpcError.INVALID_REQUEST);
        }
        for (String bad : new String[] {"", "{", "{\"a\":1,\"a\":2}", "{} {}", "\uFEFF{}", "[".repeat(1000)}) {
            IncomingMessage m = IncomingMessage.parse(bad.getBytes(StandardCharsets.UTF_8));
            assertThat(((IncomingMessage.Invalid) m).error().code()).as(bad).isEqualTo(JsonRpcError.PARSE_ERROR);
        }
    }

    @Test
    void errorsEchoTheIdWhenItIsUsable() throws Exception {
        assertThat(handle("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"nope\"}").get("id").asText()).isEqualTo("abc");
        assertThat(handle("{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"ping\"}").get("id").isNull()).isTrue();
        assertThat(handle("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")).isNull();
    }

    @Test
    void argumentsAreCheckedAgainstTheSchemaBeforeTheToolRuns() throws Exception {
        String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":%s}}";
        assertThat(handle(call.formatted("{\"message\":5}")).at("/result/content/0/text").asText())
                .isEqualTo("argument message must be a string");
        assertThat(handle(call.formatted("{\"message\":\"x\",\"repeat\":\"2\"}")).at("/result/isError").asBoolean()).isTrue();
        assertThat(handle(call.formatted("{\"message\":\"x\",\"other\":1}")).at("/result/content/0/text").asText())
                .isEqualTo("unknown argument: other");
        assertThat(handle(call.formatted("{\"message\":\"ab\",\"repeat\":2}")).at("/result/content/0/text").asText())
                .isEqualTo("abab");
        assertThat(handle(call.formatted("{\"message\":\"throw-failure\"}")).at("/result/content/0/text").asText())
                .isEqualTo("a failure the model can read");
        assertThat(handle(call.formatted("\"text\"")).at("/error/code").asInt()).isEqualTo(-32602);
    }

    @Test
    void registryRefusesReservedDuplicateAndSchemalessTools() {
        McpTool login = new TestTools.Echo() {
            @Override
            public String name() {
                return ToolRegistry.AUTHENTICATE_USER;
            }
        };
        assertThatThrownBy(() -> ToolRegistry.builder().tool(login)).hasMessageContaining("reserved");
        assertThatThrownBy(() -> ToolRegistry.builder().tool(new TestTools.Echo()).tool(new TestTools.Echo()))
                .hasMessageContaining("duplicate");
        McpTool noSchema = new TestTools.Echo() {
            @Override
            public ObjectNode inputSchema() {
                return McpJson.mapper().createObjectNode();
            }
        };
        assertThatThrownBy(() -> ToolRegistry.builder().tool(noSchema)).hasMessageContaining("inputSchema");
    }

    @Test
    void versionNegotiation() {
        assertThat(ProtocolVersions.negotiate("2025-03-26")).isEqualTo("2025-03-26");
        assertThat(ProtocolVersions.negotiate("2024-11-05")).isEqualTo("2025-11-25");
        assertThat(ProtocolVersions.negotiate(null)).isEqualTo("2025-11-25");
    }
}
