package io.crosscheck.common.persistence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Gzip of stored documents (issue 27: a screening's request, response and explanation are stored compressed). */
public final class Gzip {

    private Gzip() {}

    /** The gzip of {@code data} at {@code level}, read as the nearest of 1 (fastest) to 9 (smallest). */
    public static byte[] compress(byte[] data, int level) {
        int bounded = Math.max(Deflater.BEST_SPEED, Math.min(Deflater.BEST_COMPRESSION, level));
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(bounded);
            }
        }) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A document stored compressed since a migration and as text before: the UTF-8 text of {@code gzip} when there is
     * one, else {@code text}.
     */
    public static String textOr(byte[] gzip, String text) {
        return gzip != null ? new String(decompress(gzip), StandardCharsets.UTF_8) : text;
    }

    public static byte[] decompress(byte[] data) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data), 8192)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
