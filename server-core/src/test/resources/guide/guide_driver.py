# Runs the guide's usage example against a test server:
#   python3 guide_driver.py <base-url> <username> <password>
# Prints one JSON line with what the guide's client returned.
import json
import sys

from mcp_user_client import MCPUserClient

base_url, username, password = sys.argv[1:4]
client = MCPUserClient(base_url)
if client.authenticate(username, password):
    result = client.call_tool("query_database", {"query": "Show tables"})
    print(json.dumps({"authenticated": True, "expiry": client.token_expiry, "result": result}))
else:
    print(json.dumps({"authenticated": False}))
