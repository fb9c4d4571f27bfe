package com.pgedge.mcp.auth;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The rate limiter's key for a client address (checklist 30): an IPv4 address as is, an IPv6
 * address reduced to its /64 (one attacker usually owns a whole /64), an IPv4-mapped IPv6
 * address as the IPv4 it maps. Never resolves a name: only literals are parsed.
 */
final class AddressKey {

    static final String UNKNOWN = "unknown";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private AddressKey() {
    }

    static String of(String address) {
        if (address == null || address.isBlank()) {
            return UNKNOWN;
        }
        String a = address.strip();
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            a = end > 0 ? a.substring(1, end) : a.substring(1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        try {
            if (IPV4.matcher(a).matches()) {
                return InetAddress.getByName(a).getHostAddress();
            }
            // A colon makes InetAddress parse a literal, never a DNS lookup.
            if (a.indexOf(':') >= 0 && a.length() <= 45 && IPV6_CHARS.matcher(a).matches()) {
                InetAddress ip = InetAddress.getByName(a);
                if (ip instanceof Inet4Address) {
                    return ip.getHostAddress();
                }
                if (ip instanceof Inet6Address) {
                    return prefix64(ip.getAddress());
                }
            }
        } catch (UnknownHostException e) {
            // fall through: counted under its own (bounded) text
        }
        String text = a.length() > 64 ? a.substring(0, 64) : a;
        return text.isEmpty() ? UNKNOWN : text;
    }

    private static String prefix64(byte[] b) {
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            int group = ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
            sb.append(Integer.toHexString(group)).append(':');
        }
        return sb.append(":/64").toString();
    }
}
