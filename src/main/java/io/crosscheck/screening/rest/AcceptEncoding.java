package io.crosscheck.screening.rest;

/** The content codings a request's {@code Accept-Encoding} accepts (RFC 9110, 12.5.3), as far as a GET needs them. */
final class AcceptEncoding {

    private AcceptEncoding() {}

    /** Whether an Accept-Encoding header accepts gzip: named, without {@code q=0} (null: no header, not accepted). */
    static boolean gzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            if (parts[0].strip().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].strip().replace(" ", "");
                    if (p.startsWith("q=") && p.substring(2).matches("0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
