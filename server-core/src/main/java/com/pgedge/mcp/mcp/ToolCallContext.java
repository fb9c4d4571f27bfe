package com.pgedge.mcp.mcp;

import com.pgedge.mcp.auth.AuthPrincipal;
import java.util.Objects;

/**
 * Who is calling a tool. In stdio mode and with {@code -no-auth} the principal is
 * {@link AuthPrincipal#anonymous()}.
 */
public record ToolCallContext(AuthPrincipal principal) {

    public ToolCallContext {
        Objects.requireNonNull(principal, "principal");
    }

    public static ToolCallContext anonymous() {
        return new ToolCallContext(AuthPrincipal.anonymous());
    }
}
