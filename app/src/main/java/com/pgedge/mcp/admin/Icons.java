package com.pgedge.mcp.admin;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.image.Image;

/** The window icons, rendered from icons/pgedge-postgres-mcp.svg by icons/generate.sh. */
final class Icons {

    private Icons() {
    }

    static List<Image> window() {
        List<Image> out = new ArrayList<>();
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            InputStream in = Icons.class.getResourceAsStream("/com/pgedge/mcp/admin/icons/pgedge-postgres-mcp-" + size + ".png");
            if (in != null) {
                out.add(new Image(in));
            }
        }
        return out;
    }
}
