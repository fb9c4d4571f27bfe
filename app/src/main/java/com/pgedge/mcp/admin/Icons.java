package com.pgedge.mcp.admin;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.image.Image;

/** The window icons, if the build packaged them (icons/ is owned by the installer work). */
final class Icons {

    private Icons() {
    }

    static List<Image> window() {
        List<Image> out = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            InputStream in = Icons.class.getResourceAsStream("/com/pgedge/mcp/admin/icon-" + size + ".png");
            if (in != null) {
                out.add(new Image(in));
            }
        }
        return out;
    }
}
