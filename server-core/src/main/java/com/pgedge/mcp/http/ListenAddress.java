package com.pgedge.mcp.http;

/**
 * Where the server listens: {@code host:port}, {@code [v6]:port}, or {@code :port} for all
 * interfaces (as in the reference server).
 */
public record ListenAddress(String host, int port) {

    public static final String ALL_INTERFACES = "0.0.0.0";

    public static ListenAddress parse(String text) {
        if (text == null || text.isBlank()) {
            return new ListenAddress("127.0.0.1", 8080);
        }
        String value = text.trim();
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw new HttpServerException("Invalid listen address \"" + value
                    + "\": expected host:port or :port, for example 127.0.0.1:8080");
        }
        String host = value.substring(0, colon);
        String portText = value.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new HttpServerException("Invalid listen address \"" + value
                    + "\": write IPv6 addresses in brackets, for example [::1]:8080");
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new HttpServerException("Invalid port in listen address \"" + value + "\"");
        }
        if (port < 0 || port > 65535) {
            throw new HttpServerException("Port out of range in listen address \"" + value + "\"");
        }
        return new ListenAddress(host.isEmpty() ? ALL_INTERFACES : host, port);
    }

    /** {@code host:port} as a URL authority (IPv6 in brackets). */
    public String authority(int actualPort) {
        String shown = ALL_INTERFACES.equals(host) ? "localhost" : host;
        return (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + actualPort;
    }
}
