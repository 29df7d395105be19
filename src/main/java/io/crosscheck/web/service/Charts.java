package io.crosscheck.web.service;

import io.crosscheck.screening.model.ClientHistory;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The history charts of a client (SVG, drawn on the server): one chart per measured series with the
 * rule thresholds as dashed reference lines, and the pattern status over time as bands. Screenings
 * are spaced evenly in time order and labelled with their date. Each chart states its scale
 * ({@code data-v0/data-y0}, {@code data-v1/data-y1}: two values and where they are drawn), so a test
 * can check that every point sits where its stored value belongs.
 */
public final class Charts {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yy").withZone(ZoneOffset.UTC);
    private static final int W = 420;
    private static final int H = 210;
    private static final int LEFT = 44;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 34;

    /** A chart ready for the page: its title and SVG. */
    public record Chart(String key, String title, String unit, String svg, List<String> thresholds, String mcidNote) {

        /** Whether the chart is an outcome measure's (drawn on its whole scale, the MCID marked). */
        public boolean outcome() {
            return mcidNote != null;
        }
    }

    private Charts() {}

    public static List<Chart> series(ClientHistory history) {
        List<Chart> charts = new ArrayList<>();
        for (ClientHistory.Series s : history.series()) {
            charts.add(series(s));
        }
        return charts;
    }

    static Chart series(ClientHistory.Series s) {
        String title = s.label()
                + (s.side() == null ? "" : ", " + s.side())
                + (s.qualifier() == null ? "" : " (" + s.qualifier() + ")");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ClientHistory.Point p : s.points()) {
            lo = Math.min(lo, p.value());
            hi = Math.max(hi, p.value());
        }
        for (ClientHistory.ThresholdLine t : s.thresholds()) {
            lo = Math.min(lo, t.value());
            hi = Math.max(hi, t.value());
        }
        if (hi - lo < 1e-9) {
            lo -= 1;
            hi += 1;
        }
        double pad = (hi - lo) * 0.12;
        // an outcome measure is drawn on its whole scale (0-10, 0-100), so a change reads at its true size
        double vMin = s.scale() == null ? lo - pad : s.scale().min();
        double vMax = s.scale() == null ? hi + pad : s.scale().max();
        int n = s.points().size();
        StringBuilder svg = new StringBuilder();
        String id = "chart-" + s.kind() + "-" + s.code() + (s.side() == null ? "" : "-" + s.side())
                + (s.qualifier() == null ? "" : "-" + s.qualifier());
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
                .append(W)
                .append(' ')
                .append(H)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(id)
                .append("-t\" id=\"")
                .append(id)
                .append("\" data-code=\"")
                .append(s.code())
                .append("\" data-side=\"")
                .append(s.side() == null ? "" : s.side())
                .append("\" data-v0=\"")
                .append(num(vMin))
                .append("\" data-y0=\"")
                .append(num(y(vMin, vMin, vMax)))
                .append("\" data-v1=\"")
                .append(num(vMax))
                .append("\" data-y1=\"")
                .append(num(y(vMax, vMin, vMax)))
                .append("\">")
                .append("<title id=\"")
                .append(id)
                .append("-t\">")
                .append(BodyDiagram.esc(title))
                .append(" over ")
                .append(n)
                .append(" screening(s)")
                .append(s.unit() == null ? "" : ", in " + BodyDiagram.esc(s.unit()))
                .append("</title>");
        // axes and ticks
        svg.append("<g class=\"axis\"><line x1=\"")
                .append(LEFT)
                .append("\" y1=\"")
                .append(TOP)
                .append("\" x2=\"")
                .append(LEFT)
                .append("\" y2=\"")
                .append(H - BOTTOM)
                .append("\"/><line x1=\"")
                .append(LEFT)
                .append("\" y1=\"")
                .append(H - BOTTOM)
                .append("\" x2=\"")
                .append(W - RIGHT)
                .append("\" y2=\"")
                .append(H - BOTTOM)
                .append("\"/>");
        for (int i = 0; i <= 4; i++) {
            double v = vMin + (vMax - vMin) * i / 4;
            double yy = y(v, vMin, vMax);
            svg.append("<text x=\"")
                    .append(LEFT - 4)
                    .append("\" y=\"")
                    .append(num(yy + 3))
                    .append("\" text-anchor=\"end\">")
                    .append(label(v))
                    .append("</text>");
        }
        svg.append("</g>");
        for (ClientHistory.ThresholdLine t : s.thresholds()) {
            double yy = y(t.value(), vMin, vMax);
            svg.append("<line class=\"threshold\" data-threshold=\"")
                    .append(t.id())
                    .append("\" data-value=\"")
                    .append(num(t.value()))
                    .append("\" x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(W - RIGHT)
                    .append("\" y1=\"")
                    .append(num(yy))
                    .append("\" y2=\"")
                    .append(num(yy))
                    .append("\"><title>")
                    .append(BodyDiagram.esc(t.label() + " " + t.comparator() + " " + label(t.value()) + " "
                            + (t.unit() == null ? "" : t.unit())))
                    .append("</title></line>")
                    .append("<text class=\"threshold-label\" x=\"")
                    .append(W - RIGHT)
                    .append("\" y=\"")
                    .append(num(yy - 3))
                    .append("\" text-anchor=\"end\">")
                    .append(BodyDiagram.esc(t.comparator() + " " + label(t.value())))
                    .append("</text>");
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < n; i++) {
            ClientHistory.Point p = s.points().get(i);
            double xx = x(i, n);
            double yy = y(p.value(), vMin, vMax);
            path.append(i == 0 ? "M" : " L").append(num(xx)).append(' ').append(num(yy));
        }
        if (n > 1) {
            svg.append("<path class=\"series\" d=\"").append(path).append("\"/>");
        }
        for (int i = 0; i < n; i++) {
            ClientHistory.Point p = s.points().get(i);
            double xx = x(i, n);
            double yy = y(p.value(), vMin, vMax);
            svg.append("<circle class=\"point\" r=\"3.5\" cx=\"")
                    .append(num(xx))
                    .append("\" cy=\"")
                    .append(num(yy))
                    .append("\" data-value=\"")
                    .append(num(p.value()))
                    .append("\" data-screening=\"")
                    .append(p.screeningId())
                    .append("\"><title>")
                    .append(DAY.format(p.createdAt()))
                    .append(": ")
                    .append(label(p.value()))
                    .append(s.unit() == null ? "" : " " + BodyDiagram.esc(s.unit()))
                    .append("</title></circle>")
                    .append("<text x=\"")
                    .append(num(xx))
                    .append("\" y=\"")
                    .append(H - BOTTOM + 14)
                    .append("\" text-anchor=\"middle\">")
                    .append(DAY.format(p.createdAt()))
                    .append("</text>");
        }
        svg.append("</svg>");
        List<String> thresholds = s.thresholds().stream()
                .map(t -> t.label() + " " + t.comparator() + " " + label(t.value())
                        + (t.unit() == null ? "" : " " + t.unit())
                        + (t.rules().isEmpty()
                                ? ""
                                : " ("
                                        + String.join(
                                                ", ",
                                                t.rules().stream()
                                                        .map(ClientHistory.ThresholdRule::id)
                                                        .toList())
                                        + ")"))
                .toList();
        return new Chart(
                id,
                title,
                s.unit(),
                svg.toString(),
                thresholds,
                s.scale() == null ? null : s.scale().mcidNote());
    }

    /** Pattern status over time: one row per pattern, one band per screening. */
    public static String patterns(ClientHistory history) {
        List<ClientHistory.PatternSeries> rows = history.patterns();
        int n = rows.isEmpty()
                ? 0
                : rows.stream().mapToInt(r -> r.points().size()).max().orElse(0);
        int rowH = 22;
        int h = TOP + rows.size() * rowH + BOTTOM;
        StringBuilder svg = new StringBuilder(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart status-bands\" viewBox=\"0 0 ")
                .append(W)
                .append(' ')
                .append(h)
                .append("\" role=\"img\" aria-labelledby=\"bands-t\"><title id=\"bands-t\">Pattern status over ")
                .append(n)
                .append(" screening(s)</title>");
        double band = n == 0 ? 0 : (W - LEFT - RIGHT - 90.0) / n;
        for (int r = 0; r < rows.size(); r++) {
            ClientHistory.PatternSeries row = rows.get(r);
            double yy = TOP + r * rowH;
            svg.append("<text x=\"4\" y=\"")
                    .append(num(yy + 14))
                    .append("\">")
                    .append(BodyDiagram.esc(row.code()))
                    .append("</text>");
            for (int i = 0; i < row.points().size(); i++) {
                ClientHistory.StatusPoint p = row.points().get(i);
                svg.append("<rect class=\"band band-")
                        .append(p.status())
                        .append("\" data-pattern=\"")
                        .append(row.code())
                        .append("\" data-status=\"")
                        .append(p.status())
                        .append("\" x=\"")
                        .append(num(LEFT + 50 + i * band))
                        .append("\" y=\"")
                        .append(num(yy))
                        .append("\" width=\"")
                        .append(num(band - 2))
                        .append("\" height=\"")
                        .append(rowH - 4)
                        .append("\"><title>")
                        .append(BodyDiagram.esc(row.name()))
                        .append(", ")
                        .append(DAY.format(p.createdAt()))
                        .append(": ")
                        .append(p.status())
                        .append("</title></rect>");
            }
        }
        svg.append("</svg>");
        return svg.toString();
    }

    static double x(int i, int n) {
        double span = W - LEFT - RIGHT - 30;
        return n <= 1 ? LEFT + 15 + span / 2 : LEFT + 15 + span * i / (n - 1);
    }

    static double y(double v, double vMin, double vMax) {
        return TOP + (H - TOP - BOTTOM) * (vMax - v) / (vMax - vMin);
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    private static String label(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
