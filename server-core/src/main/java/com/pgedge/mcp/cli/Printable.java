package com.pgedge.mcp.cli;

/**
 * Text from a credential file made safe for a terminal: control characters (escape sequences
 * could rewrite the screen) and bidirectional overrides (could disguise a name) become '?',
 * and overlong values are shortened with "...".
 */
final class Printable {

    private Printable() {
    }

    static String of(String text) {
        return of(text, Integer.MAX_VALUE);
    }

    static String of(String text, int maxCodePoints) {
        if (text == null) {
            return "";
        }
        int[] cps = text.codePoints().map(cp -> unsafe(cp) ? '?' : cp).toArray();
        if (cps.length <= maxCodePoints) {
            return new String(cps, 0, cps.length);
        }
        int keep = Math.max(0, maxCodePoints - 3);
        return new String(cps, 0, keep) + "...";
    }

    private static boolean unsafe(int cp) {
        return Character.isISOControl(cp)
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E || cp == 0x200F || cp == 0x061C;
    }
}
