package com.pgedge.mcp.auth;

/** A registered listener; closing it unregisters. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
