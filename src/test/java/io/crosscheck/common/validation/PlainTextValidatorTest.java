package io.crosscheck.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.common.problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What plain text is, without HTTP: each refused class of character, and ordinary text in any script accepted. */
class PlainTextValidatorTest {

    record Note(@PlainText String text) {}

    @Test
    void refusesNulOtherC0ControlsDelAndC1Controls() {
        for (char c : new char[] {0x00, 0x01, 0x07, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F}) {
            assertThat(PlainTextValidator.isPlain("a" + c + "b"))
                    .as("U+%04X", (int) c)
                    .isFalse();
        }
    }

    @Test
    void refusesUnpairedSurrogates() {
        assertThat(PlainTextValidator.isPlain("a\ud800")).isFalse();
        assertThat(PlainTextValidator.isPlain("a\ud800b")).isFalse();
        assertThat(PlainTextValidator.isPlain("\udc00a")).isFalse();
        assertThat(PlainTextValidator.isPlain("\ude42\ud83d"))
                .as("a pair in the wrong order")
                .isFalse();
    }

    @Test
    void refusesBidiEmbeddingsOverridesAndIsolates() {
        for (char c = 0x202A; c <= 0x202E; c++) {
            assertThat(PlainTextValidator.isPlain("a" + c + "b"))
                    .as("U+%04X", (int) c)
                    .isFalse();
        }
        for (char c = 0x2066; c <= 0x2069; c++) {
            assertThat(PlainTextValidator.isPlain("a" + c + "b"))
                    .as("U+%04X", (int) c)
                    .isFalse();
        }
    }

    @Test
    void acceptsTabLineBreaksSurrogatePairsAndAnyScript() {
        assertThat(PlainTextValidator.isPlain("tab\there\nline\r\nCRLF")).isTrue();
        assertThat(PlainTextValidator.isPlain("\ud83d\ude42 emoji")).isTrue();
        assertThat(PlainTextValidator.isPlain(
                        "\u05e9\u05dc\u05d5\u05dd\u200f and \u0627\u0644\u0633\u0644\u0627\u0645"))
                .as("Hebrew and Arabic, with a right-to-left mark")
                .isTrue();
        assertThat(PlainTextValidator.isPlain("Müller, 東京, Ωmega")).isTrue();
        assertThat(PlainTextValidator.isPlain(null)).isTrue();
        assertThat(PlainTextValidator.isPlain("")).isTrue();
    }

    @Test
    void namesTheFieldAndTheCharacterButNeverTheText() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(PlainTextValidator.check(errors, "/reason", "secret words\u202Eevil"))
                .isFalse();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("/reason");
            assertThat(e.message()).contains("U+202E at character 13").doesNotContain("secret");
            assertThat(e.rejectedValue()).isNull();
        });
    }

    @Test
    void theBeanValidationConstraintUsesTheSameCheck() {
        var validator = Validators.standalone();
        assertThat(validator.validate(new Note("fine\ttext"))).isEmpty();
        assertThat(validator.validate(new Note(null))).isEmpty();
        assertThat(validator.validate(new Note("bad\u0000text")))
                .singleElement()
                .satisfies(v -> assertThat(v.getPropertyPath().toString()).isEqualTo("text"));
    }
}
