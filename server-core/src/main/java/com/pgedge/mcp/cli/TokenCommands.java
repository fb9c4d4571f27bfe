package com.pgedge.mcp.cli;

import com.pgedge.mcp.auth.AuthService;
import com.pgedge.mcp.auth.CreatedToken;
import com.pgedge.mcp.auth.ExpiryDuration;
import com.pgedge.mcp.auth.TokenRecord;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** {@code -add-token}, {@code -remove-token} and {@code -list-tokens}, over the auth core. */
final class TokenCommands {

    static final String RULE = "=".repeat(70);
    static final String NOT_SHOWN_AGAIN = "IMPORTANT: Save this token securely - it will not be shown again!";

    private final AuthService auth;
    private final PrintStream out;
    private final Prompter prompter;
    private final Clock clock;

    TokenCommands(AuthService auth, PrintStream out, Prompter prompter, Clock clock) {
        this.auth = auth;
        this.out = out;
        this.prompter = prompter;
        this.clock = clock;
    }

    /**
     * Creates a token and prints it once. The note and expiry are asked for when their flags
     * were not given; at end of input they default to no note and {@code never}.
     *
     * @param expiry already parsed from {@code -token-expiry}, or {@code null} to ask
     */
    int add(String note, ExpiryDuration expiry, String database) {
        String annotation = note != null ? note : prompter.ask("Note for this token (optional): ", "");
        ExpiryDuration lifetime = expiry != null ? expiry
                : ExpiryDuration.parse(prompter.ask("Expires after (such as 12h, 30d, 2w, 6m, 1y, or never) [never]: ",
                        "never"));
        CreatedToken created = auth.addToken(annotation, lifetime.duration(), database);
        TokenRecord r = created.record();

        out.println();
        out.println(RULE);
        out.println("Token created successfully!");
        out.println(RULE);
        out.println();
        out.println("Token:    " + created.plaintext());
        out.println("ID:       " + r.id());
        out.println("Hash:     " + r.hashPrefix() + "...");
        out.println("Note:     " + (r.annotation().isEmpty() ? "(none)" : Printable.of(r.annotation())));
        out.println("Database: " + (r.database() == null ? "(any)" : Printable.of(r.database())));
        out.println("Expires:  " + Times.seconds(r.expiresAt(), "Never"));
        out.println("File:     " + auth.tokenFile());
        out.println();
        out.println(RULE);
        out.println(NOT_SHOWN_AGAIN);
        out.println("Use it in API requests with: Authorization: Bearer <token>");
        out.println(RULE);
        return 0;
    }

    int remove(String idOrHashPrefix) {
        TokenRecord r = auth.removeToken(idOrHashPrefix);
        out.println("Token removed: " + r.id() + " (hash " + r.hashPrefix() + "..."
                + (r.annotation().isEmpty() ? "" : ", note: " + Printable.of(r.annotation(), 60)) + ")");
        return 0;
    }

    int list() {
        List<TokenRecord> tokens = auth.tokens().stream().sorted(Comparator.comparing(TokenRecord::id)).toList();
        if (tokens.isEmpty()) {
            out.println("No tokens in " + auth.tokenFile());
            return 0;
        }
        Instant now = clock.instant();
        out.println("API tokens in " + auth.tokenFile() + " (times in UTC):");
        out.println();
        TextTable table = new TextTable("ID", "Hash Prefix", "Database", "Expires", "Status", "Annotation");
        for (TokenRecord t : tokens) {
            table.add(Printable.of(t.id(), 40), t.hashPrefix(), t.database() == null ? "(any)" : Printable.of(t.database(), 30),
                    Times.minutes(t.expiresAt(), "Never"), t.isExpired(now) ? "EXPIRED" : "Active",
                    Printable.of(t.annotation(), 60));
        }
        table.print(out);
        out.println();
        long expired = tokens.stream().filter(t -> t.isExpired(now)).count();
        out.println(tokens.size() + " token(s)" + (expired == 0 ? "" : ", " + expired + " expired"));
        return 0;
    }
}
