package com.pgedge.mcp.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Syntax checks for the HTTP settings, so a typo fails at start-up with the key's name instead
 * of somewhere inside the server. Never resolves a host name (no DNS lookups while loading).
 */
final class NetworkSyntax {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]*|\\[[0-9A-Fa-f:.%A-Za-z]+]");

    private NetworkSyntax() {
    }

    /** {@code host:port}, {@code :port} or {@code [v6]:port}; port 0 asks for any free port. */
    static String address(String value, String source) {
        String v = value.trim();
        int colon = v.lastIndexOf(':');
        String expected = source + ": expected host:port or :port (such as 127.0.0.1:8080 or :8080), got "
                + Shown.value(value);
        if (colon < 0) {
            throw new ConfigException(expected);
        }
        String host = v.substring(0, colon);
        String port = v.substring(colon + 1);
        if (!HOST.matcher(host).matches() || port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
            throw new ConfigException(expected);
        }
        if (Integer.parseInt(port) > 65535) {
            throw new ConfigException(source + ": port " + port + " is out of range (0 to 65535)");
        }
        return v;
    }

    /** An IP address or CIDR block such as {@code 10.0.0.0/8} or {@code fd00::/8}. */
    static String cidr(String value, String source) {
        String v = value.trim();
        String expected = source + ": expected an IP address or CIDR block (such as 10.0.0.0/8), got "
                + Shown.value(value);
        int slash = v.indexOf('/');
        String addr = slash < 0 ? v : v.substring(0, slash);
        if (addr.isEmpty() || !IP_LITERAL.matcher(addr).matches() || addr.length() > 45) {
            throw new ConfigException(expected);
        }
        InetAddress parsed;
        try {
            // A literal only (checked above), so this never touches DNS.
            parsed = InetAddress.getByName(addr);
        } catch (UnknownHostException e) {
            throw new ConfigException(expected);
        }
        if (slash >= 0) {
            int max = parsed.getAddress().length * 8;
            String bits = v.substring(slash + 1);
            if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(bits) > max) {
                throw new ConfigException(source + ": the prefix length of " + Shown.value(value)
                        + " must be 0 to " + max);
            }
        }
        return v;
    }

    /** A web origin, {@code scheme://host[:port]}, as a browser sends it in {@code Origin}. */
    static String origin(String value, String source) {
        String v = value.trim();
        String expected = source + ": expected an origin such as https://example.com or http://host:3000, got "
                + Shown.value(value);
        try {
            URI u = new URI(v);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null
                    || (u.getRawPath() != null && !u.getRawPath().isEmpty()) || u.getRawQuery() != null
                    || u.getRawFragment() != null || u.getRawUserInfo() != null) {
                throw new ConfigException(expected);
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(expected);
        }
        return v;
    }
}
