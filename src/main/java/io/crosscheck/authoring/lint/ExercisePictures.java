package io.crosscheck.authoring.lint;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An exercise picture (an SVG line drawing, {@code kb-docs/interventions/pictures/<id>.svg}) is author content that the
 * pages show, so it may hold only what a line drawing needs: shapes, lines, paths, groups and text, with presentation
 * attributes. No script, style, link, image, foreign object, event handler, entity or DOCTYPE, and no attribute value
 * that reaches outside the file ({@code url(}, {@code javascript:}). It must be well-formed, have a {@code viewBox}, a
 * {@code title} and a {@code desc} (read out for the picture), and label its two halves "Start" and "End". The same
 * check runs in the linter and before a picture is served.
 */
public final class ExercisePictures {

    /** A picture larger than this is refused (a line drawing is a few kilobytes). */
    public static final int MAX_CHARS = 64 * 1024;

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    /** The elements a drawing may use, with the attributes each may carry beside the common ones. */
    private static final Map<String, Set<String>> ELEMENTS = Map.ofEntries(
            Map.entry("svg", Set.of("viewBox", "width", "height", "role", "aria-labelledby", "version")),
            Map.entry("title", Set.of()),
            Map.entry("desc", Set.of()),
            Map.entry("g", Set.of()),
            Map.entry("line", Set.of("x1", "y1", "x2", "y2")),
            Map.entry("circle", Set.of("cx", "cy", "r")),
            Map.entry("ellipse", Set.of("cx", "cy", "rx", "ry")),
            Map.entry("rect", Set.of("x", "y", "width", "height", "rx", "ry")),
            Map.entry("path", Set.of("d")),
            Map.entry("polyline", Set.of("points")),
            Map.entry("polygon", Set.of("points")),
            Map.entry("text", Set.of("x", "y", "text-anchor", "font-size", "font-family", "font-weight")));

    /** Presentation and identification attributes any drawing element may carry. */
    private static final Set<String> COMMON = Set.of(
            "id",
            "class",
            "fill",
            "stroke",
            "stroke-width",
            "stroke-linecap",
            "stroke-linejoin",
            "stroke-dasharray",
            "opacity",
            "fill-opacity",
            "transform");

    private ExercisePictures() {}

    /** A problem of a picture, at its line and column (1-based). */
    public record Problem(int line, int column, String message) {}

    /** Every problem of the picture's text; empty when it is a well-formed drawing within the whitelist. */
    public static List<Problem> check(String svg) {
        List<Problem> problems = new ArrayList<>();
        if (svg.length() > MAX_CHARS) {
            problems.add(new Problem(1, 1, "picture is larger than " + MAX_CHARS + " characters"));
            return problems;
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        boolean root = true;
        boolean title = false;
        boolean desc = false;
        boolean viewBox = false;
        StringBuilder texts = new StringBuilder();
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new StringReader(svg));
            while (r.hasNext()) {
                int event = r.next();
                int line = r.getLocation().getLineNumber();
                int column = r.getLocation().getColumnNumber();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                        problems.add(new Problem(line, column, "no DOCTYPE or entity in a picture"));
                    case XMLStreamConstants.PROCESSING_INSTRUCTION ->
                        problems.add(new Problem(line, column, "no processing instruction in a picture"));
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = r.getLocalName();
                        if (root) {
                            root = false;
                            if (!"svg".equals(name) || !SVG_NS.equals(r.getNamespaceURI())) {
                                problems.add(
                                        new Problem(line, column, "the root must be <svg xmlns=\"" + SVG_NS + "\">"));
                            }
                            viewBox = r.getAttributeValue(null, "viewBox") != null;
                        }
                        title |= "title".equals(name);
                        desc |= "desc".equals(name);
                        element(r, name, line, column, problems);
                        if ("text".equals(name)) {
                            texts.append(r.getElementText().strip()).append('\n');
                        }
                    }
                    default -> {}
                }
            }
        } catch (XMLStreamException e) {
            var at = e.getLocation();
            problems.add(new Problem(
                    at == null ? 1 : at.getLineNumber(),
                    at == null ? 1 : at.getColumnNumber(),
                    "not well-formed XML: " + e.getMessage().replaceAll("\\s+", " ")));
            return problems;
        }
        if (!viewBox) {
            problems.add(new Problem(1, 1, "the <svg> needs a viewBox (the picture scales to its box)"));
        }
        if (!title || !desc) {
            problems.add(new Problem(1, 1, "the picture needs a <title> and a <desc> (read out in place of it)"));
        }
        List<String> labels = List.of(texts.toString().split("\n"));
        if (!labels.contains("Start") || !labels.contains("End")) {
            problems.add(
                    new Problem(1, 1, "the picture must label its two positions with the texts \"Start\" and \"End\""));
        }
        return problems;
    }

    private static void element(XMLStreamReader r, String name, int line, int column, List<Problem> problems) {
        Set<String> allowed = ELEMENTS.get(name);
        if (allowed == null || (r.getNamespaceURI() != null && !SVG_NS.equals(r.getNamespaceURI()))) {
            problems.add(new Problem(
                    line,
                    column,
                    "<" + name + "> is not allowed in a picture (allowed: "
                            + ELEMENTS.keySet().stream().sorted().toList() + ")"));
            return;
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String attribute = r.getAttributeLocalName(i);
            String prefix = r.getAttributePrefix(i);
            String value = r.getAttributeValue(i).toLowerCase(Locale.ROOT);
            boolean known = (prefix == null || prefix.isEmpty())
                    && (allowed.contains(attribute)
                            || (!"svg".equals(name) && COMMON.contains(attribute))
                            || ("svg".equals(name)
                                    && Set.of("fill", "stroke", "stroke-width").contains(attribute)));
            if (!known) {
                problems.add(new Problem(line, column, "attribute " + attribute + " is not allowed on <" + name + ">"));
            } else if (value.contains("url(") || value.contains("javascript:") || value.contains("&")) {
                problems.add(
                        new Problem(line, column, "attribute " + attribute + " may not refer outside the picture"));
            }
        }
    }
}
