package com.pgedge.mcp.config;

/**
 * What the command-line flags say: the top layer of the configuration. Every field is
 * {@code null} when its flag was not given. Paths are as typed; relative ones resolve against
 * the current folder.
 */
public record ConfigOverrides(String configFile, Boolean httpEnabled, String address, Boolean tlsEnabled,
                              String certFile, String keyFile, String chainFile, Boolean noAuth,
                              String tokenFile, String userFile, String dbHost, Integer dbPort,
                              String dbName, String dbUser, String dbPassword, String dbSslmode,
                              boolean debug, boolean dev) {

    /** No flags at all. */
    public static ConfigOverrides none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    boolean anyDatabaseFlag() {
        return dbHost != null || dbPort != null || dbName != null || dbUser != null || dbPassword != null
                || dbSslmode != null;
    }

    @Override
    public String toString() {
        return "ConfigOverrides[config=" + configFile + ", http=" + httpEnabled + ", addr=" + address
                + ", tokenFile=" + tokenFile + ", userFile=" + userFile + "]";
    }

    /** Mutable builder, so callers set only the flags that were given. */
    public static final class Builder {
        private String configFile;
        private Boolean httpEnabled;
        private String address;
        private Boolean tlsEnabled;
        private String certFile;
        private String keyFile;
        private String chainFile;
        private Boolean noAuth;
        private String tokenFile;
        private String userFile;
        private String dbHost;
        private Integer dbPort;
        private String dbName;
        private String dbUser;
        private String dbPassword;
        private String dbSslmode;
        private boolean debug;
        private boolean dev;

        private Builder() {
        }

        public Builder configFile(String v) { configFile = v; return this; }
        public Builder httpEnabled(Boolean v) { httpEnabled = v; return this; }
        public Builder address(String v) { address = v; return this; }
        public Builder tlsEnabled(Boolean v) { tlsEnabled = v; return this; }
        public Builder certFile(String v) { certFile = v; return this; }
        public Builder keyFile(String v) { keyFile = v; return this; }
        public Builder chainFile(String v) { chainFile = v; return this; }
        public Builder noAuth(Boolean v) { noAuth = v; return this; }
        public Builder tokenFile(String v) { tokenFile = v; return this; }
        public Builder userFile(String v) { userFile = v; return this; }
        public Builder dbHost(String v) { dbHost = v; return this; }
        public Builder dbPort(Integer v) { dbPort = v; return this; }
        public Builder dbName(String v) { dbName = v; return this; }
        public Builder dbUser(String v) { dbUser = v; return this; }
        public Builder dbPassword(String v) { dbPassword = v; return this; }
        public Builder dbSslmode(String v) { dbSslmode = v; return this; }
        public Builder debug(boolean v) { debug = v; return this; }
        public Builder dev(boolean v) { dev = v; return this; }

        public ConfigOverrides build() {
            return new ConfigOverrides(configFile, httpEnabled, address, tlsEnabled, certFile, keyFile,
                    chainFile, noAuth, tokenFile, userFile, dbHost, dbPort, dbName, dbUser, dbPassword,
                    dbSslmode, debug, dev);
        }
    }
}
