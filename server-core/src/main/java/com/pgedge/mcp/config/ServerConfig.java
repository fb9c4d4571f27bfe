package com.pgedge.mcp.config;

import com.pgedge.mcp.auth.AuthSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The resolved server configuration: defaults &lt; YAML file &lt; {@code PGEDGE_*} environment &lt;
 * flags (SPEC §5). Immutable; produced by the config loader, consumed by the CLI, the server and
 * the console.
 *
 * @param configFile the file it was read from, or {@code null}
 * @param http       HTTP, TLS and auth settings
 * @param databases  configured databases, in file order; may be empty
 * @param debug      {@code -debug}: verbose logging (still never a secret)
 * @param dev        {@code -dev}: serve the embedded development database when none is configured
 */
public record ServerConfig(Path configFile, HttpConfig http, List<DatabaseConfig> databases,
                           boolean debug, boolean dev) {

    public ServerConfig {
        Objects.requireNonNull(http, "http");
        databases = databases == null ? List.of() : List.copyOf(databases);
    }

    /**
     * @param enabled        serve HTTP ({@code -http}); otherwise stdio
     * @param address        {@code host:port} or {@code :port}; default {@code 127.0.0.1:8080}
     * @param trustedProxies CIDRs whose {@code X-Forwarded-For}/{@code X-Real-IP} are believed
     * @param allowedOrigins extra allowed {@code Origin} values besides localhost
     */
    public record HttpConfig(boolean enabled, String address, List<String> trustedProxies,
                             List<String> allowedOrigins, TlsConfig tls, AuthConfig auth) {
        public HttpConfig {
            address = address == null || address.isBlank() ? "127.0.0.1:8080" : address;
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
            Objects.requireNonNull(tls, "tls");
            Objects.requireNonNull(auth, "auth");
        }
    }

    /** TLS 1.2+ with a PEM certificate, key and optional chain. */
    public record TlsConfig(boolean enabled, Path certFile, Path keyFile, Path chainFile) {
    }

    /**
     * @param enabled auth on; a config file without an auth section keeps it on (SPEC §2)
     */
    public record AuthConfig(boolean enabled, Path tokenFile, Path userFile, Path auditFile,
                             int maxFailedAttemptsBeforeLockout, int rateLimitWindowMinutes,
                             int rateLimitMaxAttempts) {

        /**
         * What the auth core needs: the same files and limits for the server and the admin
         * commands, so both always work on the same credentials. A {@code null} audit file means
         * the core's default beside the user file.
         */
        public AuthSettings toAuthSettings() {
            return AuthSettings.defaults(tokenFile, userFile)
                    .withAuditFile(auditFile)
                    .withLockout(maxFailedAttemptsBeforeLockout)
                    .withRateLimit(Duration.ofMinutes(rateLimitWindowMinutes), rateLimitMaxAttempts);
        }
    }
}
