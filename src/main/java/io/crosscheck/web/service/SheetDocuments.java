package io.crosscheck.web.service;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The take-home sheet as a PDF document ({@link SheetPdf}) in the client's language, on A4 or US Letter: the same
 * content as the sheet page ({@link TakeHomeSheets}), laid out for paper by {@code templates/SheetPdf/sheet.html} and
 * {@code web/sheet-pdf.css}, each exercise's picture inline with its "start" and "end" labels in the sheet's language
 * (the picture's own English labels and texts are left out of the PDF). The paper and the language are checked first:
 * an unknown one is a 422 naming {@code paper} or {@code lang}.
 */
@ApplicationScoped
public class SheetDocuments {

    /** The paper sizes, as the query names them and as CSS {@code @page size} has them. */
    public enum Paper {
        A4("a4", "A4", "11mm 13mm"),
        LETTER("letter", "letter", "10mm 14mm");

        private final String name;
        private final String css;
        private final String margins;

        Paper(String name, String css, String margins) {
            this.name = name;
            this.css = css;
            this.margins = margins;
        }

        public String query() {
            return name;
        }

        static Optional<Paper> of(String name) {
            for (Paper p : values()) {
                if (p.name.equalsIgnoreCase(name)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One rendered sheet.
     *
     * @param fileName e.g. {@code take-home-sheet-es-a4.pdf}
     */
    public record Document(
            byte[] pdf, String language, String title, Instant madeAt, String clientRef, String fileName) {}

    private static final Pattern DROPPED =
            Pattern.compile("<(title|desc|text)\\b[^>]*>.*?</\\1>|<(title|desc|text)\\b[^>]*/>", Pattern.DOTALL);

    private static final String CSS = css();

    private final TakeHomeSheets sheets;
    private final Template template;

    SheetDocuments(TakeHomeSheets sheets, @Location("SheetPdf/sheet.html") Template template) {
        this.sheets = sheets;
        this.template = template;
    }

    /**
     * The paper and language asked for, checked: the paper is {@code a4} (the default) or {@code letter}, the language
     * one of {@link SheetViews#LANGUAGES} or none (then the client's). Both are named in one 422 when both are bad.
     */
    public static Paper paper(String paper, String language) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Paper> p = paper == null || paper.isBlank() ? Optional.of(Paper.A4) : Paper.of(paper.strip());
        if (p.isEmpty()) {
            errors.add(new FieldError("paper", "must be a4 or letter"));
        }
        errors.addAll(languageErrors(language));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(422, errors);
        }
        return p.get();
    }

    /** A language asked for, checked: one of {@link SheetViews#LANGUAGES}, or none. */
    public static List<FieldError> languageErrors(String language) {
        if (language == null || language.isBlank() || SheetViews.LANGUAGES.contains(language.strip())) {
            return List.of();
        }
        return List.of(new FieldError("lang", "must be one of " + String.join(", ", SheetViews.LANGUAGES)));
    }

    /** The sheet of a screening of the caller's clinic as PDF, in {@code language}; empty when there is none. */
    public Optional<Document> pdf(UUID screening, String language, Paper paper) {
        return sheets.sheet(screening, language).map(sheet -> {
            SheetView s = sheet.view();
            String title =
                    s.referral() != null ? s.words().referralTitle() : s.words().title();
            Map<String, String> pictures = new LinkedHashMap<>();
            sheet.pictures().forEach((id, svg) -> pictures.put(id, forPdf(svg)));
            String page = "@page { size: " + paper.css + "; margin: " + paper.margins + "; }\n";
            String xhtml =
                    template.data("p", new Page(s, title, page + CSS, pictures)).render();
            byte[] pdf = SheetPdf.render(xhtml, title, s.language(), sheet.madeAt());
            return new Document(
                    pdf,
                    s.language(),
                    title,
                    sheet.madeAt(),
                    sheet.clientRef(),
                    "take-home-sheet-" + s.language() + "-" + paper.query() + ".pdf");
        });
    }

    /** What the PDF template reads: the sheet, its title, the stylesheet and the pictures ready to inline. */
    public record Page(SheetView s, String title, String css, Map<String, String> pictures) {}

    /**
     * A checked picture, ready to inline in the PDF: its title, description and text labels left out (the labels are
     * printed above it in the sheet's language, in the embedded font).
     */
    static String forPdf(String svg) {
        return DROPPED.matcher(svg).replaceAll("").replaceFirst("^\\s*<\\?xml[^>]*>", "");
    }

    private static String css() {
        try (InputStream in = SheetDocuments.class.getResourceAsStream("/web/sheet-pdf.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
