package io.fms.bench;

import io.fms.bench.BenchResult.SystemFigures;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * A PNG of the run, JDK only (Java2D, headless): decisions per second over time for each system (FMS's intake
 * dashed), and submit-to-decision percentiles per system on a logarithmic axis.
 */
final class Chart {

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 800;
    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e)
    };
    private static final List<ToDoubleFunction<Measurement>> PERCENTILES = List.of(
            Measurement::decideP50Ms, Measurement::decideP90Ms, Measurement::decideP99Ms, Measurement::decideMaxMs);
    private static final String[] PERCENTILE_LABELS = {"p50", "p90", "p99", "max"};

    private Chart() {}

    static void write(BenchResult result, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, SystemFigures> systems = result.systems();
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("FMS bench, " + result.scenario() + ": decisions per second over time", 60, 30);
        List<String> names = new ArrayList<>(systems.keySet());
        throughput(g, systems, names, 60, 50, WIDTH - 100, 330);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Submit-to-decision latency (ms, log scale; baselines: the synchronous answer)", 60, 445);
        latency(g, systems, names, 60, 465, WIDTH - 100, 280);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void throughput(
            Graphics2D g, Map<String, SystemFigures> systems, List<String> names, int x, int y, int w, int h) {
        int seconds = 1;
        double max = 1;
        for (String name : names) {
            Measurement.Timeline timeline = systems.get(name).measured().timeline();
            for (int[] series : List.of(timeline.answersPerS(), timeline.decisionsPerS())) {
                seconds = Math.max(seconds, series.length);
                for (int v : series) {
                    max = Math.max(max, v);
                }
            }
        }
        max = niceCeiling(max);
        axes(g, x, y, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int t = 0; t <= 4; t++) {
            int ty = y + h - t * h / 4;
            g.setColor(new Color(0xdddddd));
            g.drawLine(x + 1, ty, x + w, ty);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%,.0f", max * t / 4), x - 55, ty + 4);
        }
        for (int t = 0; t <= 5; t++) {
            g.drawString(String.format(Locale.ROOT, "%.0f s", seconds * t / 5.0), x + t * w / 5 - 10, y + h + 16);
        }
        int legendX = x + 10;
        for (int n = 0; n < names.size(); n++) {
            Color color = COLORS[n % COLORS.length];
            Measurement measured = systems.get(names.get(n)).measured();
            line(g, measured.timeline().decisionsPerS(), seconds, max, x, y, w, h, color, false);
            boolean asynchronous = measured.accepted202() > 0;
            if (asynchronous) {
                line(g, measured.timeline().answersPerS(), seconds, max, x, y, w, h, color, true);
            }
            g.setColor(color);
            g.fillRect(legendX, y + 8, 14, 4);
            g.setColor(Color.BLACK);
            String label = names.get(n) + (asynchronous ? " (dashed: answers/s)" : "");
            g.drawString(label, legendX + 18, y + 14);
            legendX += 30 + g.getFontMetrics().stringWidth(label);
        }
    }

    private static void line(
            Graphics2D g,
            int[] series,
            int seconds,
            double max,
            int x,
            int y,
            int w,
            int h,
            Color color,
            boolean dashed) {
        g.setColor(color);
        g.setStroke(
                dashed
                        ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {6, 4}, 0)
                        : new BasicStroke(2f));
        for (int s = 1; s < series.length; s++) {
            g.drawLine(
                    x + (int) ((s - 0.5) * w / seconds),
                    y + h - (int) (series[s - 1] / max * h),
                    x + (int) ((s + 0.5) * w / seconds),
                    y + h - (int) (series[s] / max * h));
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void latency(
            Graphics2D g, Map<String, SystemFigures> systems, List<String> names, int x, int y, int w, int h) {
        double lowLog = -1; // 0.1 ms
        double highLog = 1;
        for (String name : names) {
            for (ToDoubleFunction<Measurement> percentile : PERCENTILES) {
                double v = percentile.applyAsDouble(systems.get(name).measured());
                if (v > 0) {
                    highLog = Math.max(highLog, Math.ceil(Math.log10(v)));
                }
            }
        }
        axes(g, x, y, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double d = lowLog; d <= highLog; d++) {
            int ty = y + h - (int) ((d - lowLog) / (highLog - lowLog) * h);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x + 1, ty, x + w, ty);
            g.setColor(Color.DARK_GRAY);
            g.drawString(
                    String.format(
                            Locale.ROOT,
                            "%s",
                            Math.pow(10, d) >= 1
                                    ? String.format(Locale.ROOT, "%,.0f", Math.pow(10, d))
                                    : String.valueOf(Math.pow(10, d))),
                    x - 50,
                    ty + 4);
        }
        int groups = PERCENTILES.size();
        int groupWidth = w / groups;
        int barWidth = Math.max(4, (groupWidth - 30) / Math.max(1, names.size()));
        for (int p = 0; p < groups; p++) {
            int gx = x + p * groupWidth + 15;
            g.setColor(Color.BLACK);
            g.drawString(PERCENTILE_LABELS[p], gx + (groupWidth - 30) / 2 - 8, y + h + 16);
            for (int n = 0; n < names.size(); n++) {
                double v = PERCENTILES
                        .get(p)
                        .applyAsDouble(systems.get(names.get(n)).measured());
                if (!(v > 0)) {
                    continue;
                }
                double log = Math.max(lowLog, Math.log10(v));
                int bh = (int) ((log - lowLog) / (highLog - lowLog) * h);
                g.setColor(COLORS[n % COLORS.length]);
                g.fillRect(gx + n * barWidth, y + h - bh, barWidth - 2, bh);
                g.setColor(Color.BLACK);
                g.drawString(
                        v < 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%,.0f", v),
                        gx + n * barWidth,
                        y + h - bh - 3);
            }
        }
        int legendX = x + 10;
        for (int n = 0; n < names.size(); n++) {
            g.setColor(COLORS[n % COLORS.length]);
            g.fillRect(legendX, y + 6, 12, 10);
            g.setColor(Color.BLACK);
            g.drawString(names.get(n), legendX + 16, y + 15);
            legendX += 30 + g.getFontMetrics().stringWidth(names.get(n));
        }
    }

    private static void axes(Graphics2D g, int x, int y, int w, int h) {
        g.setColor(Color.BLACK);
        g.drawLine(x, y, x, y + h);
        g.drawLine(x, y + h, x + w, y + h);
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
