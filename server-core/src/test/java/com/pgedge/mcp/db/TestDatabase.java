package com.pgedge.mcp.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One embedded PostgreSQL for the whole test JVM (it takes seconds to start and CPU is scarce):
 * a real {@link DevDatabase} in target/, fresh for each run, plus a second database "inventory"
 * for multi-database tests. Stopped by a shutdown hook.
 */
final class TestDatabase {

    static final String SECOND_DATABASE = "inventory";
    private static DevDatabase instance;
    static final List<String> PROGRESS = new ArrayList<>();

    private TestDatabase() {
    }

    static synchronized DevDatabase get() {
        if (instance == null) {
            Path target = Path.of(System.getProperty("project.build.directory", "target"));
            Path folder = target.resolve("test-devdb");
            deleteRecursively(folder);
            instance = DevDatabase.start(folder, target.resolve("pg-binaries"), step -> {
                synchronized (PROGRESS) {
                    PROGRESS.add(step);
                }
            });
            createSecondDatabase();
            DevDatabase started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                try {
                    deleteRecursively(folder);
                } catch (RuntimeException ignored) {
                    // best effort; the next run wipes the folder before starting
                }
            }));
        }
        return instance;
    }

    static Connection admin() throws SQLException {
        return get().adminDataSource(DevDatabase.DATABASE).getConnection();
    }

    static Connection admin(String database) throws SQLException {
        return get().adminDataSource(database).getConnection();
    }

    /** One value from an admin connection. */
    static String adminQuery(String sql) {
        try (Connection c = admin(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void createSecondDatabase() {
        try (Connection c = instance.adminDataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + SECOND_DATABASE);
            s.execute("REVOKE ALL ON DATABASE " + SECOND_DATABASE + " FROM PUBLIC");
            s.execute("GRANT CONNECT ON DATABASE " + SECOND_DATABASE + " TO " + DevDatabase.READ_ONLY_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = instance.adminDataSource(SECOND_DATABASE).getConnection(); Statement s = c.createStatement()) {
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("CREATE TABLE bins (code text PRIMARY KEY, aisle int NOT NULL)");
            s.execute("INSERT INTO bins VALUES ('A1', 1), ('A2', 1), ('B1', 2)");
            s.execute("GRANT USAGE ON SCHEMA public TO " + DevDatabase.READ_ONLY_ROLE);
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + DevDatabase.READ_ONLY_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
