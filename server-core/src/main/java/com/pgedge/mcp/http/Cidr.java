package com.pgedge.mcp.http;

import io.undertow.util.NetworkUtils;
import java.net.InetAddress;

/**
 * An address block such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a block of
 * one. Parsing never touches DNS: only IP literals are accepted.
 */
public record Cidr(byte[] network, int prefixLength) {

    public static Cidr parse(String text) {
        String value = text == null ? "" : text.trim();
        int slash = value.indexOf('/');
        String addressPart = slash < 0 ? value : value.substring(0, slash);
        InetAddress address = parseAddress(addressPart);
        if (address == null) {
            throw new HttpServerException("Invalid trusted proxy \"" + value
                    + "\": expected an IP address or a CIDR block such as 10.0.0.0/8");
        }
        byte[] bytes = address.getAddress();
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new HttpServerException("Invalid prefix length in trusted proxy \"" + value + "\"");
            }
        }
        return new Cidr(mask(bytes, prefix), prefix);
    }

    public boolean contains(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        byte[] masked = mask(bytes, prefixLength);
        for (int i = 0; i < masked.length; i++) {
            if (masked[i] != network[i]) {
                return false;
            }
        }
        return true;
    }

    /** Parses an IPv4 or IPv6 literal (brackets allowed), or returns {@code null}. Never resolves names. */
    public static InetAddress parseAddress(String text) {
        if (text == null) {
            return null;
        }
        String value = text.trim();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.length() > 64) {
            return null;
        }
        try {
            if (value.indexOf(':') >= 0) {
                return value.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+") ? NetworkUtils.parseIpv6Address(value) : null;
            }
            if (value.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                for (String octet : value.split("\\.")) {
                    if (Integer.parseInt(octet) > 255) {
                        return null; // NetworkUtils would wrap 999 around to 231
                    }
                }
                return NetworkUtils.parseIpv4Address(value);
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int bitsHere = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xFF << (8 - bitsHere)));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefixLength == prefixLength && java.util.Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(network) * 31 + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (java.net.UnknownHostException e) {
            return "?/" + prefixLength;
        }
    }
}
