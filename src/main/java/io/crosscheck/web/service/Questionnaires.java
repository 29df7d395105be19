package io.crosscheck.web.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.crosscheck.common.json.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The questionnaires the screening form asks item by item (Nijmegen, STarT Back, FABQ), read from
 * {@code web/questionnaires.yaml}, and their scoring: a score is the sum of its items' answers, and it
 * exists only when every one of those items is answered.
 */
public final class Questionnaires {

    /** One answer choice and what it scores. */
    public record Choice(int score, String label) {}

    /** An item: its wording and, when it differs from the questionnaire's, its own scale. */
    @JsonDeserialize(using = ItemReader.class)
    public record Item(String text, List<Choice> scale) {}

    /** A score the form sends: the request field it fills and the items it sums (all when absent). */
    public record Score(String target, String label, List<Integer> items) {}

    /** A questionnaire. */
    public record Questionnaire(
            String code,
            String name,
            String section,
            String source,
            String prompt,
            List<Choice> scale,
            List<Item> items,
            List<Score> scores) {

        public List<Choice> scaleOf(int number) {
            Item item = items.get(number - 1);
            return item.scale() == null ? scale : item.scale();
        }

        public List<Integer> itemsOf(Score score) {
            return score.items() == null
                    ? IntStream.rangeClosed(1, items.size()).boxed().toList()
                    : score.items();
        }

        /** The form field of item {@code number} (1-based). */
        public String field(int number) {
            return "q." + code + "." + number;
        }

        /**
         * The score from the form's answers (the choice index of each item, as sent), or empty while an
         * item it sums is unanswered. An answer that is not one of the item's choices counts as unanswered.
         */
        public OptionalInt score(Score score, Map<String, String> answers) {
            int sum = 0;
            for (int n : itemsOf(score)) {
                String raw = answers.get(field(n));
                if (raw == null || raw.isBlank()) {
                    return OptionalInt.empty();
                }
                int index;
                try {
                    index = Integer.parseInt(raw.trim());
                } catch (NumberFormatException e) {
                    return OptionalInt.empty();
                }
                List<Choice> choices = scaleOf(n);
                if (index < 0 || index >= choices.size()) {
                    return OptionalInt.empty();
                }
                sum += choices.get(index).score();
            }
            return OptionalInt.of(sum);
        }

        public long answered(Map<String, String> answers) {
            return IntStream.rangeClosed(1, items.size())
                    .filter(n -> {
                        String v = answers.get(field(n));
                        return v != null && !v.isBlank();
                    })
                    .count();
        }
    }

    private record Document(List<Questionnaire> questionnaires) {}

    private final List<Questionnaire> all;

    private Questionnaires(List<Questionnaire> all) {
        this.all = List.copyOf(all);
    }

    public static Questionnaires load() {
        try (InputStream in = Questionnaires.class.getResourceAsStream("/web/questionnaires.yaml")) {
            if (in == null) {
                throw new IllegalStateException("web/questionnaires.yaml is missing from the classpath");
            }
            return new Questionnaires(
                    Yaml.strictMapper().readValue(in, Document.class).questionnaires());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Questionnaire> all() {
        return all;
    }

    public List<Questionnaire> ofSection(String section) {
        return all.stream().filter(q -> q.section().equals(section)).toList();
    }

    /** Whether a questionnaire scores this input (its total is sent from the answered items, not typed in). */
    public boolean scores(io.crosscheck.engine.input.InputDefinition input) {
        String target = input.section() + "." + input.field();
        return all.stream()
                .flatMap(q -> q.scores().stream())
                .anyMatch(s -> s.target().equals(target));
    }

    /** An item is either its wording alone or {@code {text, scale}}. */
    static final class ItemReader extends JsonDeserializer<Item> {
        @Override
        public Item deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            if (node.isTextual()) {
                return new Item(node.asText(), null);
            }
            List<Choice> scale = new ArrayList<>();
            for (JsonNode c : node.path("scale")) {
                scale.add(new Choice(c.path("score").asInt(), c.path("label").asText()));
            }
            return new Item(node.path("text").asText(), scale.isEmpty() ? null : scale);
        }
    }
}
