package com.pgedge.mcp.http;

import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.AuthSettings;
import com.pgedge.mcp.config.ServerConfig;
import com.pgedge.mcp.mcp.TestTools;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Runs HttpServerMode as the CLI will, for HttpServerModeTest: args = folder with the two files. */
public final class HttpModeMain {

    private HttpModeMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        AuthSettings settings = AuthSettings.defaults(dir.resolve("tokens.yaml"), dir.resolve("users.yaml"));
        AuthService auth = AuthService.open(settings, Clock.systemUTC(), 4);
        ServerConfig config = new ServerConfig(null, new ServerConfig.HttpConfig(true, "127.0.0.1:0", null, null,
                new ServerConfig.TlsConfig(false, null, null, null),
                new ServerConfig.AuthConfig(true, settings.tokenFile(), settings.userFile(), null, 0, 15, 10)),
                List.of(), true, false);
        HttpServerMode.run(config, auth, TestTools.registry());
    }
}
