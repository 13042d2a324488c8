package io.gridpulse.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A PNG map of the city's grids (Java2D, no map server): every grid outlined in grey, the
 * hotspot grids filled in red by their share of the largest count and numbered by rank. Longitude
 * is scaled by cos(latitude) so that shapes are not stretched.
 */
public final class GridMapImage {

    private GridMapImage() {}

    /**
     * @param outlines grid code to WKT outline (WGS84)
     * @param hotspots grid code to case count, in rank order
     */
    public static byte[] png(
            Map<String, String> outlines, LinkedHashMap<String, Long> hotspots, int width, int height) {
        WKTReader reader = new WKTReader();
        Map<String, Geometry> shapes = new LinkedHashMap<>();
        Envelope env = new Envelope();
        for (var e : outlines.entrySet()) {
            try {
                Geometry g = reader.read(e.getValue());
                shapes.put(e.getKey(), g);
                env.expandToInclude(g.getEnvelopeInternal());
            } catch (ParseException ex) {
                throw new IllegalArgumentException(
                        "grid " + e.getKey() + " has an unreadable outline: " + ex.getMessage());
            }
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setColor(Color.WHITE);
        g2.fillRect(0, 0, width, height);
        if (shapes.isEmpty()) {
            g2.dispose();
            return encode(img);
        }
        double kx = Math.cos(Math.toRadians((env.getMinY() + env.getMaxY()) / 2));
        double w = Math.max(env.getWidth() * kx, 1e-9);
        double h = Math.max(env.getHeight(), 1e-9);
        double pad = 12;
        double scale = Math.min((width - 2 * pad) / w, (height - 2 * pad) / h);
        double ox = (width - w * scale) / 2;
        double oy = (height - h * scale) / 2;
        Transform t = c ->
                new double[] {ox + (c.x - env.getMinX()) * kx * scale, height - oy - (c.y - env.getMinY()) * scale};
        long max = hotspots.values().stream().mapToLong(Long::longValue).max().orElse(1);
        g2.setStroke(new BasicStroke(0.6f));
        for (var e : shapes.entrySet()) {
            Path2D path = path(e.getValue(), t);
            Long n = hotspots.get(e.getKey());
            if (n != null) {
                float share = (float) Math.max(0.25, (double) n / Math.max(1, max));
                g2.setColor(new Color(0.85f, 0.1f, 0.1f, share));
                g2.fill(path);
            } else {
                g2.setColor(new Color(0xF2F2F2));
                g2.fill(path);
            }
            g2.setColor(new Color(0xB0B0B0));
            g2.draw(path);
        }
        g2.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        int rank = 1;
        for (String code : hotspots.keySet()) {
            Geometry geo = shapes.get(code);
            if (geo != null) {
                double[] p = t.apply(geo.getInteriorPoint().getCoordinate());
                g2.setColor(Color.WHITE);
                g2.fillOval((int) p[0] - 9, (int) p[1] - 9, 18, 18);
                g2.setColor(new Color(0x8B0000));
                g2.drawOval((int) p[0] - 9, (int) p[1] - 9, 18, 18);
                String s = Integer.toString(rank);
                g2.drawString(s, (int) p[0] - g2.getFontMetrics().stringWidth(s) / 2, (int) p[1] + 5);
            }
            rank++;
        }
        g2.dispose();
        return encode(img);
    }

    private interface Transform {
        double[] apply(Coordinate c);
    }

    private static Path2D path(Geometry g, Transform t) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon poly) {
                ring(p, poly.getExteriorRing().getCoordinates(), t);
                for (int r = 0; r < poly.getNumInteriorRing(); r++) {
                    ring(p, poly.getInteriorRingN(r).getCoordinates(), t);
                }
            }
        }
        return p;
    }

    private static void ring(Path2D p, Coordinate[] cs, Transform t) {
        for (int i = 0; i < cs.length; i++) {
            double[] xy = t.apply(cs[i]);
            if (i == 0) {
                p.moveTo(xy[0], xy[1]);
            } else {
                p.lineTo(xy[0], xy[1]);
            }
        }
        p.closePath();
    }

    private static byte[] encode(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
