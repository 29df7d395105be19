package io.crosscheck.web.service;

import java.util.List;
import java.util.Map;

/**
 * The take-home sheet's own words in one language, its message bundle ({@code web/client-words.yaml} for English,
 * {@code web/client-words.<language>.yaml} for each other): what a referral asks of the client by urgency, the
 * precautions' client wording by code, and every fixed text of the sheet, so that no client-facing string is written
 * in the template. A translation is a second copy of this file and of the knowledge base's client texts
 * ({@code rules/reference/translations/<language>/home-programme.yaml}).
 *
 * @param language the language's code (BCP 47: {@code en}, {@code es})
 * @param name     the language's name in itself ("English", "Español"), for the clinician's choice
 * @param date     how the sheet writes its date ({@link java.time.format.DateTimeFormatter} pattern)
 */
public record SheetWords(
        String language,
        String name,
        String date,
        Map<String, Now> referrals,
        Map<String, String> precautions,
        Fixed sheet) {

    /** What to do now for an urgency: the headline and what it means in practice. */
    public record Now(String now, String detail) {}

    /** The sheet's fixed texts, by where they stand. */
    public record Fixed(
            String title,
            String referralTitle,
            String referralWhy,
            String aboutFallback,
            String noExercise,
            String intro,
            String comfort,
            String moreInClinic,
            String noHomeExercise,
            String takeCare,
            String steps,
            String dose,
            String sets,
            String repeat,
            String hold,
            String often,
            String doseHowMuch,
            String doseHowOften,
            String doseBoth,
            String feel,
            String stop,
            String pictureAlt,
            String pictureStart,
            String pictureEnd,
            String stopTitle,
            String stopIf,
            List<String> stopSigns,
            String emergencyIf,
            List<String> emergencySigns,
            String heartIf,
            List<String> heartSigns,
            String contactTitle,
            String phone,
            String email,
            String address,
            String hours,
            String emergencyNumber,
            String writeContact,
            String prepared,
            String noteTitle) {}

    /** Every client-facing text of the file, for the reading-level test. */
    public List<String> all() {
        List<String> out = new java.util.ArrayList<>();
        referrals.values().forEach(n -> {
            out.add(n.now());
            out.add(n.detail());
        });
        out.addAll(precautions.values());
        for (var c : Fixed.class.getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(sheet);
                if (v instanceof String s) {
                    out.add(s);
                } else if (v instanceof List<?> l) {
                    l.forEach(x -> out.add(String.valueOf(x)));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
