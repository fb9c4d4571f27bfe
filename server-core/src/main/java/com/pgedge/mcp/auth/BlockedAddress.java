package com.pgedge.mcp.auth;

import java.time.Instant;

/**
 * A client address that the rate limiter currently blocks.
 *
 * @param key      the counted key: an IPv4 address, or an IPv6 /64 prefix such as {@code 2001:db8:0:1::/64}
 * @param failures failed attempts inside the current window
 * @param freeAt   when the oldest counted failure leaves the window and the address is free again
 */
public record BlockedAddress(String key, int failures, Instant freeAt) {
}
