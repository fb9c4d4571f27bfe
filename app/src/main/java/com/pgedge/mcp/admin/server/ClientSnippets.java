package com.pgedge.mcp.admin.server;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ready-to-paste client configurations for a running server. The token is the one pasted on the
 * Server screen (kept in memory only), or a placeholder when none is. VS Code always prompts for
 * it instead, so the token never lands in a file that may be committed.
 */
public final class ClientSnippets {

    public static final String TOKEN = "<YOUR-TOKEN>";

    private ClientSnippets() {
    }

    /** Name -> text, in the order the Server screen shows them. */
    public static Map<String, String> forEndpoint(URI endpoint) {
        return forEndpoint(endpoint, null);
    }

    /** Name -> text with {@code token} filled in ({@code null} or blank: the placeholder). */
    public static Map<String, String> forEndpoint(URI endpoint, String token) {
        String url = endpoint.toString();
        String bearer = token == null || token.isBlank() ? TOKEN : token.strip();
        boolean plainRemote = "http".equals(endpoint.getScheme()) && !isLoopback(endpoint.getHost());
        Map<String, String> s = new LinkedHashMap<>();
        s.put("curl", "curl -s " + url + " \\\n"
                + "  -H 'Authorization: Bearer " + bearer + "' \\\n"
                + "  -H 'Content-Type: application/json' \\\n"
                + "  -H 'Accept: application/json, text/event-stream' \\\n"
                + "  -d '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}'\n");
        s.put("Claude Code", "claude mcp add --transport http pgedge " + url + " \\\n"
                + "  --header \"Authorization: Bearer " + bearer + "\"\n");
        s.put("VS Code", "// .vscode/mcp.json\n{\n"
                + "  \"servers\": {\n"
                + "    \"pgedge\": {\n"
                + "      \"type\": \"http\",\n"
                + "      \"url\": \"" + url + "\",\n"
                + "      \"headers\": { \"Authorization\": \"Bearer ${input:pgedge-token}\" }\n"
                + "    }\n"
                + "  },\n"
                + "  \"inputs\": [\n"
                + "    { \"type\": \"promptString\", \"id\": \"pgedge-token\", \"description\": \"pgEdge MCP token\", \"password\": true }\n"
                + "  ]\n}\n");
        s.put("Cursor", "// ~/.cursor/mcp.json\n{\n"
                + "  \"mcpServers\": {\n"
                + "    \"pgedge\": {\n"
                + "      \"url\": \"" + url + "\",\n"
                + "      \"headers\": { \"Authorization\": \"Bearer " + bearer + "\" }\n"
                + "    }\n"
                + "  }\n}\n");
        s.put("Claude Desktop", "// claude_desktop_config.json (through the mcp-remote bridge; needs Node.js)\n{\n"
                + "  \"mcpServers\": {\n"
                + "    \"pgedge\": {\n"
                + "      \"command\": \"npx\",\n"
                + "      \"args\": [\"mcp-remote\", \"" + url + "\", \"--transport\", \"http-only\",\n"
                + "               \"--header\", \"Authorization:${AUTH_HEADER}\"" + (plainRemote ? ", \"--allow-http\"" : "") + "],\n"
                + "      \"env\": { \"AUTH_HEADER\": \"Bearer " + bearer + "\" }\n"
                + "    }\n"
                + "  }\n}\n");
        return s;
    }

    static boolean isLoopback(String host) {
        return host == null || host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }
}
