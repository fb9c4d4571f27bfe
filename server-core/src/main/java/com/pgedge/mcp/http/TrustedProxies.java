package com.pgedge.mcp.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Works out the client address that rate limiting counts (SPEC §4). The socket peer, unless the
 * peer is a configured trusted proxy: then the right-most address in {@code X-Forwarded-For} that
 * is not itself a trusted proxy, or {@code X-Real-IP}. Anyone else's forwarding headers are
 * ignored, so an attacker cannot reset the limit by inventing addresses.
 */
public final class TrustedProxies {

    private final List<Cidr> blocks;

    public TrustedProxies(List<String> cidrs) {
        List<Cidr> parsed = new ArrayList<>();
        for (String cidr : cidrs) {
            parsed.add(Cidr.parse(cidr));
        }
        this.blocks = List.copyOf(parsed);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public boolean isTrusted(InetAddress address) {
        for (Cidr block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param peer          the socket peer
     * @param forwardedFor  every {@code X-Forwarded-For} header value in arrival order, or empty
     * @param realIp        the {@code X-Real-IP} value, or {@code null}
     */
    public String clientAddress(InetSocketAddress peer, List<String> forwardedFor, String realIp) {
        InetAddress peerAddress = peer == null ? null : peer.getAddress();
        String peerText = peerAddress == null ? "unknown" : peerAddress.getHostAddress();
        if (blocks.isEmpty() || !isTrusted(peerAddress)) {
            return peerText;
        }
        if (forwardedFor != null && !forwardedFor.isEmpty()) {
            List<String> hops = new ArrayList<>();
            for (String header : forwardedFor) {
                for (String part : header.split(",", 64)) {
                    hops.add(part.trim());
                }
            }
            InetAddress nearestTrusted = peerAddress;
            for (int i = hops.size() - 1; i >= 0; i--) {
                InetAddress hop = Cidr.parseAddress(hops.get(i));
                if (hop == null) {
                    // Garbage where an address should be: nothing further left can be believed,
                    // so count the request against the last hop we do trust.
                    return nearestTrusted.getHostAddress();
                }
                if (!isTrusted(hop)) {
                    return hop.getHostAddress();
                }
                nearestTrusted = hop;
            }
            return nearestTrusted.getHostAddress();
        }
        InetAddress real = Cidr.parseAddress(realIp);
        return real == null ? peerText : real.getHostAddress();
    }
}
