package com.pgedge.mcp.config;

/**
 * The configuration is unusable. The message is written for the person who has to fix it: it
 * names the key, environment variable or flag at fault and what is expected there, and never
 * contains a secret (a password given anywhere is never echoed back).
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
