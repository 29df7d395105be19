package io.crosscheck.web.service;

import io.crosscheck.common.json.Yaml;
import io.crosscheck.engine.facts.PatternStatus;
import io.crosscheck.screening.model.ScreeningResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body diagram of a result: front and back views (SVG) with every muscle a finding names coloured
 * as tight or weak on the side the finding names, and the two diagonals of each crossed pattern that is
 * present. What marks what, and where muscles are drawn, is data ({@code web/body-diagram.yaml}).
 */
public final class BodyDiagram {

    public record FindingMark(String muscle, String state, Boolean inferred) {}

    public record Muscle(
            String code, String label, String view, double cx, double cy, double rx, double ry, double rotate) {}

    public record Cross(String state, String view, List<Double> from, List<Double> to, String label) {}

    private record Document(
            Map<String, FindingMark> findings, List<Muscle> muscles, Map<String, List<Cross>> crosses) {}

    /** A muscle marked on one side, and the findings that mark it. */
    public record Mark(String muscle, String label, String side, String state, List<String> findings) {}

    private static final double MID = 100;
    private static final double VIEW_WIDTH = 200;
    private final Document doc;

    private BodyDiagram(Document doc) {
        this.doc = doc;
    }

    public static BodyDiagram load() {
        try (InputStream in = BodyDiagram.class.getResourceAsStream("/web/body-diagram.yaml")) {
            if (in == null) {
                throw new IllegalStateException("web/body-diagram.yaml is missing from the classpath");
            }
            return new BodyDiagram(Yaml.strictMapper().readValue(in, Document.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The findings codes the diagram knows, to check the data against the knowledge base's findings. */
    public java.util.Set<String> findingCodes() {
        return doc.findings().keySet();
    }

    /** Which muscle on which side is marked tight or weak by the result's findings (a side not named: both). */
    public List<Mark> marks(ScreeningResult result) {
        Map<String, Mark> marks = new LinkedHashMap<>();
        if (result.patterns() == null) {
            return List.of();
        }
        for (ScreeningResult.PatternResult p : result.patterns()) {
            if (p.findings() == null) {
                continue;
            }
            for (ScreeningResult.FindingResult f : p.findings()) {
                FindingMark fm = doc.findings().get(f.code());
                if (fm == null) {
                    continue;
                }
                List<String> sides =
                        f.side() == null || f.side().equals("bilateral") ? List.of("right", "left") : List.of(f.side());
                for (String side : sides) {
                    String key = fm.muscle() + "/" + side;
                    Mark old = marks.get(key);
                    String label = labelOf(fm.muscle());
                    List<String> findings = new ArrayList<>(old == null ? List.of() : old.findings());
                    String text = f.label() == null ? f.code() : f.label();
                    if (!findings.contains(text)) {
                        findings.add(text);
                    }
                    // a muscle both tight and weak (e.g. over-active and short) shows as tight: the first thing to
                    // treat
                    String state = old != null && old.state().equals("tight") ? "tight" : fm.state();
                    marks.put(key, new Mark(fm.muscle(), label, side, state, List.copyOf(findings)));
                }
            }
        }
        return List.copyOf(marks.values());
    }

    private String labelOf(String muscle) {
        return doc.muscles().stream()
                .filter(m -> m.code().equals(muscle))
                .map(Muscle::label)
                .findFirst()
                .orElse(muscle);
    }

    /** The pattern codes whose cross is drawn, with consistent (solid) or partial (dashed). */
    static Map<String, PatternStatus> crosses(ScreeningResult result) {
        Map<String, PatternStatus> out = new LinkedHashMap<>();
        if (result.patterns() == null) {
            return out;
        }
        for (ScreeningResult.PatternResult p : result.patterns()) {
            PatternStatus status = p.patternStatus();
            if (status != PatternStatus.CONSISTENT && status != PatternStatus.PARTIAL) {
                continue;
            }
            if (p.code().equals("LAYER")) {
                out.putIfAbsent("UCS", status);
                out.putIfAbsent("LCS", status);
            } else {
                out.merge(p.code(), status, (a, b) -> a == PatternStatus.CONSISTENT ? a : b);
            }
        }
        return out;
    }

    /** The SVG (front and back side by side), accessible: a title, and a title on every marked muscle. */
    public String svg(ScreeningResult result) {
        List<Mark> marks = marks(result);
        Map<String, PatternStatus> crosses = crosses(result);
        StringBuilder s = new StringBuilder();
        s.append(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"body-diagram\" viewBox=\"0 0 420 330\" role=\"img\" ")
                .append(
                        "aria-labelledby=\"body-diagram-title\"><title id=\"body-diagram-title\">Body diagram, front and back: ")
                .append(marks.isEmpty() ? "no muscle marked" : marks.size() + " muscle sides marked")
                .append("</title>");
        for (String view : List.of("front", "back")) {
            double dx = view.equals("front") ? 0 : 220;
            s.append("<g class=\"view view-")
                    .append(view)
                    .append("\" transform=\"translate(")
                    .append(dx)
                    .append(",0)\">");
            s.append("<text x=\"100\" y=\"14\" text-anchor=\"middle\" class=\"view-label\">")
                    .append(
                            view.equals("front")
                                    ? "Front (client's right on the left)"
                                    : "Back (client's left on the left)")
                    .append("</text>");
            outline(s);
            for (Muscle m : doc.muscles()) {
                if (!m.view().equals(view)) {
                    continue;
                }
                for (String side : List.of("right", "left")) {
                    boolean asGiven = view.equals("front") ? side.equals("right") : side.equals("left");
                    double cx = asGiven ? m.cx() : VIEW_WIDTH - m.cx();
                    double rot = asGiven ? m.rotate() : -m.rotate();
                    Mark mark = marks.stream()
                            .filter(k -> k.muscle().equals(m.code()) && k.side().equals(side))
                            .findFirst()
                            .orElse(null);
                    String state = mark == null ? "none" : mark.state();
                    s.append("<ellipse class=\"muscle ")
                            .append(state)
                            .append("\" data-muscle=\"")
                            .append(m.code())
                            .append("\" data-side=\"")
                            .append(side)
                            .append("\" data-state=\"")
                            .append(state)
                            .append("\" data-view=\"")
                            .append(view)
                            .append("\" id=\"m-")
                            .append(view)
                            .append('-')
                            .append(m.code())
                            .append('-')
                            .append(side)
                            .append("\" cx=\"")
                            .append(fmt(cx))
                            .append("\" cy=\"")
                            .append(fmt(m.cy()))
                            .append("\" rx=\"")
                            .append(fmt(m.rx()))
                            .append("\" ry=\"")
                            .append(fmt(m.ry()))
                            .append("\" transform=\"rotate(")
                            .append(fmt(rot))
                            .append(' ')
                            .append(fmt(cx))
                            .append(' ')
                            .append(fmt(m.cy()))
                            .append(")\"");
                    if (mark != null) {
                        s.append(" tabindex=\"0\"");
                    }
                    s.append("><title>").append(esc(m.label())).append(", ").append(side);
                    if (mark != null) {
                        s.append(": ")
                                .append(state)
                                .append(" (")
                                .append(esc(String.join("; ", mark.findings())))
                                .append(')');
                    }
                    s.append("</title></ellipse>");
                }
            }
            for (Map.Entry<String, PatternStatus> c : crosses.entrySet()) {
                for (Cross line : doc.crosses().getOrDefault(c.getKey(), List.of())) {
                    if (!line.view().equals(view)) {
                        continue;
                    }
                    s.append("<line class=\"cross cross-")
                            .append(line.state())
                            .append(c.getValue() == PatternStatus.PARTIAL ? " partial" : "")
                            .append("\" data-pattern=\"")
                            .append(c.getKey())
                            .append("\" data-state=\"")
                            .append(line.state())
                            .append("\" x1=\"")
                            .append(fmt(line.from().get(0)))
                            .append("\" y1=\"")
                            .append(fmt(line.from().get(1)))
                            .append("\" x2=\"")
                            .append(fmt(line.to().get(0)))
                            .append("\" y2=\"")
                            .append(fmt(line.to().get(1)))
                            .append("\"><title>")
                            .append(esc(c.getKey() + " " + c.getValue() + ": " + line.label()))
                            .append("</title></line>");
                }
            }
            s.append("</g>");
        }
        s.append("</svg>");
        return s.toString();
    }

    private static void outline(StringBuilder s) {
        s.append("<g class=\"outline\" aria-hidden=\"true\">")
                .append("<ellipse cx=\"100\" cy=\"40\" rx=\"15\" ry=\"19\"/>")
                .append("<path d=\"M92 57 L92 70 L70 76 Q58 80 57 92 L54 150 L58 152 L66 100 L68 140 Q66 170 70 196 ")
                .append("L72 300 L90 300 L97 205 L103 205 L110 300 L128 300 L130 196 Q134 170 132 140 L134 100 ")
                .append("L142 152 L146 150 L143 92 Q142 80 130 76 L108 70 L108 57 Z\"/>")
                .append("</g>");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
