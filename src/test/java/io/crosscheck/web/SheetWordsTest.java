package io.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.web.service.SheetViews;
import io.crosscheck.web.service.SheetWords;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sheet's message bundles (web/client-words.yaml and web/client-words.es.yaml): each says its language, both have
 * the same referral urgencies, precaution codes and lists of signs, and every Spanish text is written, none of them
 * left in English.
 */
class SheetWordsTest {

    @Test
    void theSpanishBundleHasEveryTextOfTheEnglishAndNoneLeftInEnglish() {
        SheetWords en = SheetViews.load("en");
        SheetWords es = SheetViews.load("es");
        assertThat(en.language()).isEqualTo("en");
        assertThat(es.language()).isEqualTo("es");
        assertThat(es.name()).isEqualTo("Español");
        assertThat(es.referrals().keySet()).isEqualTo(en.referrals().keySet());
        assertThat(es.precautions().keySet()).isEqualTo(en.precautions().keySet());
        assertThat(es.sheet().stopSigns()).hasSameSizeAs(en.sheet().stopSigns());
        assertThat(es.sheet().emergencySigns()).hasSameSizeAs(en.sheet().emergencySigns());
        assertThat(es.sheet().heartSigns()).hasSameSizeAs(en.sheet().heartSigns());
        List<String> spanish = es.all();
        List<String> english = en.all();
        assertThat(spanish).hasSameSizeAs(english).doesNotContainNull().noneMatch(String::isBlank);
        for (int i = 0; i < spanish.size(); i++) {
            assertThat(spanish.get(i)).as("translated: " + english.get(i)).isNotEqualTo(english.get(i));
        }
    }

    @Test
    void anEmergencyStaysAnEmergencyInSpanish() {
        SheetWords es = SheetViews.load("es");
        assertThat(es.referrals().get("emergency").now()).isEqualTo("Vaya a urgencias ahora mismo.");
        assertThat(es.referrals().get("urgent").now()).contains("con urgencia", "hoy");
    }
}
