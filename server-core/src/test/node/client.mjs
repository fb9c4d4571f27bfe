// Uses the official MCP TypeScript SDK client against a running server and prints one JSON line
// with what it saw. Usage: node client.mjs <mcp-url> [bearer-token]
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, token] = process.argv.slice(2);
const headers = token ? { Authorization: `Bearer ${token}` } : {};
const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
const client = new Client({ name: "node-e2e", version: "1.0.0" });

try {
  await client.connect(transport);
  const tools = await client.listTools();
  const echo = await client.callTool({ name: "echo", arguments: { message: "hi from node" } });
  const who = await client.callTool({ name: "whoami", arguments: {} });
  const failed = await client.callTool({ name: "echo", arguments: { message: "fail" } });
  await client.ping();
  console.log(JSON.stringify({
    connected: true,
    protocolVersion: transport.protocolVersion ?? null,
    server: client.getServerVersion(),
    tools: tools.tools.map((t) => t.name),
    echo: echo.content[0].text,
    who: who.content[0].text,
    failedIsError: failed.isError === true,
  }));
  await client.close();
} catch (e) {
  console.log(JSON.stringify({ connected: false, error: String(e && e.message ? e.message : e), code: e?.code ?? null }));
}
