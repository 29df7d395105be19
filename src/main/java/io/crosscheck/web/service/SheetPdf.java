package io.crosscheck.web.service;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Renders the take-home sheet's XHTML ({@code templates/SheetPdf/sheet.html}) to PDF with openhtmltopdf: the text in
 * the font shipped in {@code src/main/resources/fonts} (DejaVu Sans, embedded as a subset; never a system font), the
 * exercise pictures inline as SVG drawn by Batik, the paper size from the page's CSS {@code @page}. Nothing is fetched:
 * every external resource (a stylesheet, image, font or SVG by URL, on any protocol) is refused before and after its URI
 * is resolved, and the stream factories answer nothing, so a URL that found its way into the document is never
 * requested. The document carries the sheet's title, language and date (its creation date is the screening's, so the
 * same sheet renders the same way).
 */
public final class SheetPdf {

    /** The font family the PDF stylesheet names. */
    public static final String FONT = "DejaVu Sans";

    private static final FSStreamFactory NOTHING = new FSStreamFactory() {
        @Override
        public FSStream getUrl(String url) {
            throw new IllegalStateException("the take-home sheet's PDF fetches no URL");
        }
    };

    private SheetPdf() {}

    /**
     * The PDF of one sheet.
     *
     * @param xhtml    the sheet as well-formed XHTML, its stylesheet and pictures inline
     * @param title    the document title (the sheet's heading, in its language)
     * @param language the sheet's language (BCP 47: {@code en}, {@code es})
     * @param date     when the sheet's screening was made: the document's creation date
     */
    public static byte[] render(String xhtml, String title, String language, Instant date) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.withHtmlContent(xhtml, null);
            b.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            b.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            b.useSVGDrawer(new BatikSVGDrawer(
                    BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE));
            b.useUriResolver((base, uri) -> null);
            b.useExternalResourceAccessControl(
                    (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            b.useExternalResourceAccessControl(
                    (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            b.useHttpStreamImplementation(NOTHING);
            b.useProtocolsStreamImplementation(NOTHING, "http", "https", "file", "jar", "ftp", "classpath", "data");
            b.withProducer("Crosscheck");
            b.toStream(raw);
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return describe(raw.toByteArray(), title, language, date);
    }

    /** The document's title, language and dates, set with PDFBox on the rendered document. */
    private static byte[] describe(byte[] pdf, String title, String language, Instant date) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setProducer("Crosscheck");
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(date.toEpochMilli());
            info.setCreationDate(when);
            info.setModificationDate(when);
            doc.getDocumentCatalog().setLanguage(language);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream font(String file) {
        InputStream in = SheetPdf.class.getResourceAsStream("/fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("font not on the classpath: fonts/" + file);
        }
        return in;
    }
}
