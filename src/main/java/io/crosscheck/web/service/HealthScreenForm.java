package io.crosscheck.web.service;

import io.crosscheck.engine.input.AppliesTo;
import io.crosscheck.engine.input.InputCatalog;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputSection;
import io.crosscheck.web.service.FormModel.HealthDomainView;
import io.crosscheck.web.service.FormModel.HealthQuestion;
import io.crosscheck.web.service.FormModel.InputField;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The health-screen part of the form: one group per domain of {@code inputs.yaml} ({@code screen: health}) with
 * its help text and who it is asked of, each question with the parent questions it follows up ({@code whenYes},
 * {@code whenAnyYes}) as form field names, so that the page shows a follow-up only after a yes (progressive
 * enhancement: without script every question is shown, and {@link FormReader} reads a follow-up only when its
 * parent was answered yes).
 */
final class HealthScreenForm {

    private HealthScreenForm() {}

    static HealthDomainView domain(InputCatalog inputs, InputSection s, List<InputField> fields) {
        Map<String, InputField> byName =
                fields.stream().collect(Collectors.toMap(f -> f.field().name(), Function.identity()));
        List<HealthQuestion> questions = inputs.inputsOf(s.code()).stream()
                .filter(i -> byName.containsKey(FormLayout.fieldName(i)))
                .map(i -> new HealthQuestion(
                        byName.get(FormLayout.fieldName(i)),
                        names(inputs, i.appliesTo().whenYes()),
                        names(inputs, i.appliesTo().whenAnyYes())))
                .toList();
        return new HealthDomainView(s.code(), s.label(), s.help(), askedOf(inputs.inputsOf(s.code())), questions);
    }

    /** Who the domain's first questions (not follow-ups) are asked of: "everyone", or their descriptions. */
    static String askedOf(List<InputDefinition> inputs) {
        Set<String> who = new LinkedHashSet<>();
        for (InputDefinition i : inputs) {
            AppliesTo a = i.appliesTo();
            if (!a.isFollowUp()) {
                String d = a.describe();
                who.add(d.isEmpty() ? "everyone" : d);
            }
        }
        return who.isEmpty() ? "everyone" : String.join("; ", who);
    }

    private static String names(InputCatalog inputs, List<String> codes) {
        return codes.stream()
                .map(c -> inputs.input(c).map(FormLayout::fieldName).orElse(c))
                .collect(Collectors.joining(" "));
    }
}
