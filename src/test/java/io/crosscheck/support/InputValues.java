package io.crosscheck.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.engine.input.InputCatalog;
import io.crosscheck.engine.input.InputCheck;
import io.crosscheck.engine.input.InputDefinition;
import java.util.List;
import java.util.Random;

/**
 * Request values generated from the input definitions ({@code rules/reference/inputs.yaml}): a valid value of
 * each input's type and range, and values outside it, so generated requests follow the knowledge base's inputs
 * without a list of fields of their own.
 */
public final class InputValues {

    private InputValues() {}

    public static InputCatalog shipped() {
        return RuleHarness.shipped().knowledgeBase().reference().inputs();
    }

    /** Sets each input of the catalog to a random valid value or leaves it out (required inputs always set), then mends the checks between inputs. */
    public static void fill(ObjectNode request, InputCatalog inputs, Random rnd) {
        for (InputDefinition i : inputs.inputs()) {
            ObjectNode section =
                    request.has(i.section()) ? (ObjectNode) request.get(i.section()) : request.putObject(i.section());
            if (!i.required() && rnd.nextInt(3) == 0) {
                section.remove(i.field());
            } else {
                put(section, i, rnd);
            }
        }
        for (InputCheck c : inputs.checks()) {
            List<InputDefinition> defs = c.inputs().stream()
                    .map(code -> inputs.input(code).orElseThrow())
                    .toList();
            switch (c.kind()) {
                case NOT_ABOVE -> {
                    ObjectNode a = (ObjectNode) request.get(defs.get(0).section());
                    ObjectNode b = (ObjectNode) request.get(defs.get(1).section());
                    if (a.has(defs.get(0).field())
                            && b.has(defs.get(1).field())
                            && a.get(defs.get(0).field()).asDouble()
                                    > b.get(defs.get(1).field()).asDouble()) {
                        a.set(defs.get(0).field(), b.get(defs.get(1).field()));
                    }
                }
                case TOGETHER -> {
                    boolean all = defs.stream()
                            .allMatch(d -> request.path(d.section()).has(d.field()));
                    if (!all) {
                        defs.forEach(d -> ((ObjectNode) request.get(d.section())).remove(d.field()));
                    }
                }
            }
        }
        inputs.sections().forEach(s -> {
            if (request.get(s.code()) instanceof ObjectNode o && o.isEmpty()) {
                request.remove(s.code());
            }
        });
    }

    /** A random valid value of the input. */
    public static void put(ObjectNode section, InputDefinition i, Random rnd) {
        switch (i.type()) {
            case YES_NO -> section.put(i.field(), rnd.nextBoolean());
            case INTEGER -> section.put(i.field(), (long) (i.min() + rnd.nextInt((int) (i.max() - i.min()) + 1)));
            case NUMBER ->
                section.put(i.field(), Math.round((i.min() + rnd.nextDouble() * (i.max() - i.min())) * 10) / 10.0);
            case CHOICE ->
                section.put(
                        i.field(),
                        i.options().get(rnd.nextInt(i.options().size())).code());
        }
    }

    /** Puts a value outside a random numeric input's range (or an unknown option of a choice): a 422. */
    public static void breakOne(ObjectNode request, InputCatalog inputs, Random rnd) {
        List<InputDefinition> numeric = inputs.inputs().stream()
                .filter(i -> i.type().numeric() || !i.options().isEmpty())
                .toList();
        InputDefinition i = numeric.get(rnd.nextInt(numeric.size()));
        ObjectNode section =
                request.has(i.section()) ? (ObjectNode) request.get(i.section()) : request.putObject(i.section());
        if (!i.type().numeric()) {
            section.put(i.field(), "no_such_option_" + rnd.nextInt(100));
        } else if (rnd.nextBoolean()) {
            section.put(i.field(), (long) (i.max() + 1 + rnd.nextInt(1000)));
        } else {
            section.put(i.field(), (long) (i.min() - 1 - rnd.nextInt(1000)));
        }
    }
}
