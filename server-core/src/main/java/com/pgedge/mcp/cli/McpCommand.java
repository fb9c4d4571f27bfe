package com.pgedge.mcp.cli;

import com.pgedge.mcp.auth.AuthException;
import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.ExpiryDuration;
import com.pgedge.mcp.config.ConfigException;
import com.pgedge.mcp.config.ConfigLoader;
import com.pgedge.mcp.config.ConfigOverrides;
import com.pgedge.mcp.config.LoadedConfig;
import com.pgedge.mcp.config.StrictBoolean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code pgedge-postgres-mcp} command line (SPEC §6). Every flag has a one-dash and a
 * two-dash spelling and takes its value as {@code -flag value} or {@code -flag=value}, as the
 * reference's Go flags do. With an admin command it edits the credential files through the auth
 * core; without one it starts the server.
 */
@Command(name = "pgedge-postgres-mcp",
        versionProvider = McpCommand.VersionText.class,
        usageHelpWidth = 100,
        sortOptions = false,
        synopsisHeading = "Usage: ",
        customSynopsis = {"pgedge-postgres-mcp [server options]             start the MCP server",
                "       pgedge-postgres-mcp <admin command> [options]    manage API tokens and users"},
        description = {"", "PostgreSQL MCP server with built-in authentication. Flags take one or two dashes,",
                "and a value as '-flag value' or '-flag=value'. Boolean flags also take '=true' or '=false'."},
        footerHeading = "%n",
        footer = {"Settings come from, lowest to highest: defaults, the configuration file, PGEDGE_* environment",
                "variables, flags. Admin commands use the same token and user files as the server.",
                "Exit codes: 0 success, 1 command error, 2 usage error."})
final class McpCommand implements Callable<Integer> {

    /** Longer than any token id or SHA-256 hex prefix. */
    private static final int MAX_TOKEN_REFERENCE = 128;

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @ArgGroup(validate = false, heading = "%nServer options:%n", order = 1)
    ServerOptions server;

    @ArgGroup(validate = false, heading = "%nDatabase options (the first database; see also PGEDGE_DB_* and PG*):%n", order = 2)
    DatabaseOptions database;

    @ArgGroup(validate = false, heading = "%nToken commands:%n", order = 3)
    TokenOptions tokens;

    @ArgGroup(validate = false, heading = "%nUser commands:%n", order = 4)
    UserOptions users;

    @ArgGroup(validate = false, heading = "%nOther:%n", order = 5)
    OtherOptions other;

    McpCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    static final class ServerOptions {
        @Option(names = {"-config", "--config"}, paramLabel = "PATH", order = 1,
                description = "Configuration file (default: pgedge-postgres-mcp.yaml beside the launcher, "
                        + "in the current folder, or in /etc/pgedge).")
        String config;

        @Option(names = {"-http", "--http"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL", order = 2,
                converter = StrictBooleanConverter.class, description = "Serve HTTP instead of stdio.")
        Boolean http;

        @Option(names = {"-addr", "--addr"}, paramLabel = "HOST:PORT", order = 3,
                description = "HTTP listen address (default 127.0.0.1:8080; ':PORT' means all interfaces).")
        String addr;

        @Option(names = {"-tls", "--tls"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL", order = 4,
                converter = StrictBooleanConverter.class, description = "Serve HTTPS (needs -http, -cert and -key).")
        Boolean tls;

        @Option(names = {"-cert", "--cert"}, paramLabel = "PATH", order = 5, description = "TLS certificate (PEM).")
        String cert;

        @Option(names = {"-key", "--key"}, paramLabel = "PATH", order = 6, description = "TLS private key (PEM).")
        String key;

        @Option(names = {"-chain", "--chain"}, paramLabel = "PATH", order = 7,
                description = "TLS certificate chain (PEM, optional).")
        String chain;

        @Option(names = {"-no-auth", "--no-auth"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
                order = 8, converter = StrictBooleanConverter.class,
                description = "Turn authentication off in HTTP mode. Development only!")
        Boolean noAuth;

        @Option(names = {"-debug", "--debug"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL", order = 9,
                converter = StrictBooleanConverter.class, description = "Verbose logging (never logs secrets).")
        Boolean debug;

        @Option(names = {"-dev", "--dev"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL", order = 10,
                converter = StrictBooleanConverter.class,
                description = "Serve the embedded development database when none is configured.")
        Boolean dev;

        @Option(names = {"-token-file", "--token-file"}, paramLabel = "PATH", order = 11,
                description = "API token file (default: pgedge-postgres-mcp-tokens.yaml in the home folder).")
        String tokenFile;

        @Option(names = {"-user-file", "--user-file"}, paramLabel = "PATH", order = 12,
                description = "User file (default: pgedge-postgres-mcp-users.yaml in the home folder).")
        String userFile;
    }

    static final class DatabaseOptions {
        @Option(names = {"-db-host", "--db-host"}, paramLabel = "HOST", order = 1, description = "Database host.")
        String host;

        @Option(names = {"-db-port", "--db-port"}, paramLabel = "PORT", order = 2, description = "Database port.")
        Integer port;

        @Option(names = {"-db-name", "--db-name"}, paramLabel = "NAME", order = 3, description = "Database name.")
        String name;

        @Option(names = {"-db-user", "--db-user"}, paramLabel = "USER", order = 4, description = "Database user.")
        String user;

        @Option(names = {"-db-password", "--db-password"}, paramLabel = "PASSWORD", order = 5,
                description = "Database password (prefer PGEDGE_DB_PASSWORD or ~/.pgpass: flags show in ps).")
        String password;

        @Option(names = {"-db-sslmode", "--db-sslmode"}, paramLabel = "MODE", order = 6,
                description = "disable, allow, prefer, require, verify-ca or verify-full.")
        String sslmode;
    }

    static final class TokenOptions {
        @Option(names = {"-add-token", "--add-token"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
                order = 1, converter = StrictBooleanConverter.class,
                description = "Create an API token and print it once.")
        Boolean add;

        @Option(names = {"-remove-token", "--remove-token"}, paramLabel = "ID|HASHPREFIX", order = 2,
                description = "Remove a token by id or by a hash prefix of at least 8 characters.")
        String remove;

        @Option(names = {"-list-tokens", "--list-tokens"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
                order = 3, converter = StrictBooleanConverter.class, description = "List API tokens.")
        Boolean list;

        @Option(names = {"-token-note", "--token-note"}, paramLabel = "TEXT", order = 4,
                description = "Note for the new token (with -add-token).")
        String note;

        @Option(names = {"-token-expiry", "--token-expiry"}, paramLabel = "DURATION", order = 5,
                description = "Lifetime of the new token: 12h, 30d, 2w, 6m (30 days), 1y or never.")
        String expiry;

        @Option(names = {"-token-database", "--token-database"}, paramLabel = "NAME", order = 6,
                description = "Bind the new token to one configured database.")
        String database;
    }

    static final class UserOptions {
        @Option(names = {"-add-user", "--add-user"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
                order = 1, converter = StrictBooleanConverter.class, description = "Create a user.")
        Boolean add;

        @Option(names = {"-update-user", "--update-user"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
                order = 2, converter = StrictBooleanConverter.class, description = "Change a user's password and/or note.")
        Boolean update;

        @Option(names = {"-delete-user", "--delete-user"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
                order = 3, converter = StrictBooleanConverter.class, description = "Delete a user (asks first).")
        Boolean delete;

        @Option(names = {"-list-users", "--list-users"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
                order = 4, converter = StrictBooleanConverter.class, description = "List users.")
        Boolean list;

        @Option(names = {"-enable-user", "--enable-user"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
                order = 5, converter = StrictBooleanConverter.class,
                description = "Enable (unlock) a user and reset the failed-attempt counter.")
        Boolean enable;

        @Option(names = {"-disable-user", "--disable-user"}, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
                order = 6, converter = StrictBooleanConverter.class, description = "Disable a user.")
        Boolean disable;

        @Option(names = {"-username", "--username"}, paramLabel = "NAME", order = 7,
                description = "The user to act on (asked when not given).")
        String username;

        @Option(names = {"-password", "--password"}, paramLabel = "PASSWORD", order = 8,
                description = "The new password (asked without echo when not given; flags show in ps).")
        String password;

        @Option(names = {"-user-note", "--user-note"}, paramLabel = "TEXT", order = 9,
                description = "Note for the user (with -add-user or -update-user).")
        String note;
    }

    static final class OtherOptions {
        @Option(names = {"-help", "--help", "-h"}, usageHelp = true, order = 1, description = "Show this help.")
        boolean help;

        @Option(names = {"-version", "--version"}, versionHelp = true, order = 2, description = "Show the version.")
        boolean version;
    }

    /** Flag booleans read like every other boolean: true/1/yes, false/0/no. */
    static final class StrictBooleanConverter implements ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            try {
                return StrictBoolean.parse(value, "value");
            } catch (ConfigException e) {
                throw new TypeConversionException(StrictBoolean.EXPECTED + ", got '" + value + "'");
            }
        }
    }

    static final class VersionText implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pgedge-postgres-mcp " + Version.current()};
        }
    }

    // ---- execution ------------------------------------------------------------------------

    private enum Admin {
        ADD_TOKEN("-add-token"), REMOVE_TOKEN("-remove-token"), LIST_TOKENS("-list-tokens"),
        ADD_USER("-add-user"), UPDATE_USER("-update-user"), DELETE_USER("-delete-user"),
        LIST_USERS("-list-users"), ENABLE_USER("-enable-user"), DISABLE_USER("-disable-user");

        final String flag;

        Admin(String flag) {
            this.flag = flag;
        }
    }

    @Override
    public Integer call() throws Exception {
        ServerOptions s = server != null ? server : new ServerOptions();
        DatabaseOptions d = database != null ? database : new DatabaseOptions();
        TokenOptions t = tokens != null ? tokens : new TokenOptions();
        UserOptions u = users != null ? users : new UserOptions();

        Admin command = chooseCommand(t, u);
        checkApplicable(command, t, u);
        ExpiryDuration expiry = null;
        if (t.expiry != null) {
            try {
                expiry = ExpiryDuration.parse(t.expiry);
            } catch (AuthException e) {
                throw usage("-token-expiry: " + e.getMessage());
            }
        }
        if (t.database != null && t.database.isBlank()) {
            throw usage("-token-database: expected a database name, got an empty value");
        }
        if (t.remove != null && (t.remove.isBlank() || t.remove.length() > MAX_TOKEN_REFERENCE)) {
            throw usage("-remove-token: expected a token id or a hash prefix of at least 8 characters");
        }

        ConfigOverrides overrides = ConfigOverrides.builder()
                .configFile(s.config).httpEnabled(s.http).address(s.addr).tlsEnabled(s.tls)
                .certFile(s.cert).keyFile(s.key).chainFile(s.chain).noAuth(s.noAuth)
                .tokenFile(s.tokenFile).userFile(s.userFile)
                .dbHost(d.host).dbPort(d.port).dbName(d.name).dbUser(d.user).dbPassword(d.password).dbSslmode(d.sslmode)
                .debug(Boolean.TRUE.equals(s.debug)).dev(Boolean.TRUE.equals(s.dev))
                .build();
        ConfigLoader loader = new ConfigLoader(ctx.env(), ctx.locations());

        if (command == null) {
            LoadedConfig loaded = loader.load(overrides, ConfigLoader.Purpose.SERVER);
            warn(loaded);
            return ctx.server().run(loaded.config(),
                    new ServerIo(ctx.stdin(), ctx.stdout(), ctx.stderr(), ctx.clock(), ctx.env()));
        }

        LoadedConfig loaded = loader.load(overrides, ConfigLoader.Purpose.ADMIN);
        warn(loaded);
        try (AuthService auth = ctx.auth().open(loaded.config().http().auth().toAuthSettings(), ctx.clock())) {
            TokenCommands tc = new TokenCommands(auth, ctx.stdout(), ctx.prompter(), ctx.clock());
            UserCommands uc = new UserCommands(auth, ctx.stdout(), ctx.prompter());
            return switch (command) {
                case ADD_TOKEN -> tc.add(t.note, expiry, t.database);
                case REMOVE_TOKEN -> tc.remove(t.remove);
                case LIST_TOKENS -> tc.list();
                case ADD_USER -> uc.add(u.username, u.password, u.note);
                case UPDATE_USER -> uc.update(u.username, u.password, u.note);
                case DELETE_USER -> uc.delete(u.username);
                case LIST_USERS -> uc.list();
                case ENABLE_USER -> uc.enable(u.username);
                case DISABLE_USER -> uc.disable(u.username);
            };
        }
    }

    private void warn(LoadedConfig loaded) {
        for (String w : loaded.warnings()) {
            ctx.stderr().println("WARNING: " + w);
        }
    }

    private Admin chooseCommand(TokenOptions t, UserOptions u) {
        List<Admin> given = new ArrayList<>();
        if (Boolean.TRUE.equals(t.add)) {
            given.add(Admin.ADD_TOKEN);
        }
        if (t.remove != null) {
            given.add(Admin.REMOVE_TOKEN);
        }
        if (Boolean.TRUE.equals(t.list)) {
            given.add(Admin.LIST_TOKENS);
        }
        if (Boolean.TRUE.equals(u.add)) {
            given.add(Admin.ADD_USER);
        }
        if (Boolean.TRUE.equals(u.update)) {
            given.add(Admin.UPDATE_USER);
        }
        if (Boolean.TRUE.equals(u.delete)) {
            given.add(Admin.DELETE_USER);
        }
        if (Boolean.TRUE.equals(u.list)) {
            given.add(Admin.LIST_USERS);
        }
        if (Boolean.TRUE.equals(u.enable)) {
            given.add(Admin.ENABLE_USER);
        }
        if (Boolean.TRUE.equals(u.disable)) {
            given.add(Admin.DISABLE_USER);
        }
        if (given.size() > 1) {
            throw usage("give one command at a time, not " + String.join(" and ",
                    given.stream().map(a -> a.flag).toList()));
        }
        return given.isEmpty() ? null : given.get(0);
    }

    /** An option that the chosen command would ignore is a mistake worth reporting. */
    private void checkApplicable(Admin command, TokenOptions t, UserOptions u) {
        boolean addToken = command == Admin.ADD_TOKEN;
        boolean userCommand = command != null && command.name().endsWith("_USER");
        boolean changesUser = command == Admin.ADD_USER || command == Admin.UPDATE_USER;
        only(t.note != null, addToken, "-token-note", "-add-token");
        only(t.expiry != null, addToken, "-token-expiry", "-add-token");
        only(t.database != null, addToken, "-token-database", "-add-token");
        only(u.username != null, userCommand && command != Admin.LIST_USERS, "-username",
                "-add-user, -update-user, -delete-user, -enable-user or -disable-user");
        only(u.password != null, changesUser, "-password", "-add-user or -update-user");
        only(u.note != null, changesUser, "-user-note", "-add-user or -update-user");
    }

    private void only(boolean given, boolean allowed, String option, String commands) {
        if (given && !allowed) {
            throw usage(option + " can only be used with " + commands);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
