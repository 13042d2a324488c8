package io.gridpulse.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The TrueType CJK font the bulletin embeds. WenQuanYi Zen Hei (Debian fonts-wqy-zenhei, a
 * TrueType collection) works with PDFBox; CFF-based Noto CJK fonts often do not. The launcher
 * installs the package when it is missing; GRIDPULSE_CJK_FONT names another TrueType file.
 */
public final class CjkFont {

    /** The family name the bulletin's CSS uses. */
    public static final String FAMILY = "GridpulseCJK";

    static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

    private CjkFont() {}

    public static Path find() {
        String env = System.getenv("GRIDPULSE_CJK_FONT");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("GRIDPULSE_CJK_FONT names no file: " + env);
            }
            return p;
        }
        return CANDIDATES.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no TrueType CJK font found (looked for " + CANDIDATES
                        + "): run ./gridpulse packages, which installs fonts-wqy-zenhei, or set GRIDPULSE_CJK_FONT"));
    }
}
