package io.crosscheck.knowledge.service;

import io.crosscheck.engine.InterventionOrders;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.engine.input.Coding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code fhir:} block of {@code interventions.yaml}: the concepts plan items are ordered with, named once
 * ({@code codes}), and the order of the exercise programme, of the referral and of each catalogue category, which an
 * intervention's own entry overrides ({@code interventions}). Every name must be defined, every intervention must
 * resolve to a code, a category and a performer (code or text), and an override must name a catalogue
 * intervention: anything else is a problem naming the key, and the knowledge base does not load. A knowledge base
 * without the block (written before it existed) has {@link InterventionOrders#NONE}: its orders are written uncoded.
 */
final class InterventionOrdersReader {

    static final String FILE = ReferenceDataReader.DIR + "interventions.yaml";
    static final String SNOMED = "http://snomed.info/sct";

    /** The block as written. */
    record Block(
            Map<String, CodeDef> codes,
            OrderRef programme,
            OrderRef referral,
            Map<String, OrderRef> categories,
            Map<String, OrderRef> interventions) {}

    /** A concept: system (SNOMED CT when left out), code and display. */
    record CodeDef(String system, String code, String display) {}

    /** An order by the names of its concepts. */
    record OrderRef(String code, String category, String performer, String performerText) {}

    private InterventionOrdersReader() {}

    static InterventionOrders read(
            Block block, List<InterventionDefinition> catalogue, List<KnowledgeProblem> problems) {
        if (block == null) {
            // a knowledge base written before the block existed (a stored version, a rollback): orders uncoded
            return InterventionOrders.NONE;
        }
        int before = problems.size();
        Map<String, Coding> codes = new LinkedHashMap<>();
        (block.codes() == null ? Map.<String, CodeDef>of() : block.codes()).forEach((name, c) -> {
            if (c == null || blank(c.code()) || blank(c.display())) {
                problems.add(problem("fhir.codes." + name + ": a code and a display are required"));
            } else {
                codes.put(name, new Coding(blank(c.system()) ? SNOMED : c.system(), c.code(), c.display()));
            }
        });
        InterventionOrders.Order programme = order("fhir.programme", block.programme(), codes, problems);
        InterventionOrders.Order referral = order("fhir.referral", block.referral(), codes, problems);
        Map<String, OrderRef> categories = block.categories() == null ? Map.of() : block.categories();
        Map<String, OrderRef> overrides = block.interventions() == null ? Map.of() : block.interventions();
        for (String id : overrides.keySet()) {
            if (catalogue.stream().noneMatch(i -> i.getId().equals(id))) {
                problems.add(problem("fhir.interventions." + id + ": no intervention of the catalogue has this id"));
            }
        }
        Map<String, InterventionOrders.Order> byCategory = new LinkedHashMap<>();
        categories.forEach((category, ref) -> {
            InterventionOrders.Order o = order("fhir.categories." + category, ref, codes, problems);
            if (o != null) {
                byCategory.put(category, o);
            }
        });
        Map<String, InterventionOrders.Order> byIntervention = new LinkedHashMap<>();
        for (InterventionDefinition i : catalogue) {
            OrderRef own = overrides.get(i.getId());
            if (own == null && !categories.containsKey(i.getCategory())) {
                problems.add(problem("intervention " + i.getId() + " (category " + i.getCategory()
                        + ") has no FHIR order: add fhir.categories." + i.getCategory() + " or fhir.interventions."
                        + i.getId()));
                continue;
            }
            InterventionOrders.Order o = own != null
                    ? order("fhir.interventions." + i.getId(), own, codes, problems)
                    : byCategory.get(i.getCategory());
            if (o != null) {
                byIntervention.put(i.getId(), o);
            }
        }
        return problems.size() > before
                ? null
                : new InterventionOrders(programme, referral, byIntervention, byCategory);
    }

    private static InterventionOrders.Order order(
            String where, OrderRef ref, Map<String, Coding> codes, List<KnowledgeProblem> problems) {
        if (ref == null) {
            problems.add(problem(where + ": missing"));
            return null;
        }
        Coding code = coding(where + ".code", ref.code(), codes, problems, true);
        Coding category = coding(where + ".category", ref.category(), codes, problems, true);
        Coding performer = coding(where + ".performer", ref.performer(), codes, problems, false);
        if (blank(ref.performer()) && blank(ref.performerText())) {
            problems.add(problem(where + ": a performer (a code's name) or a performerText is required"));
            return null;
        }
        if (code == null || category == null || (!blank(ref.performer()) && performer == null)) {
            return null;
        }
        return new InterventionOrders.Order(
                code, category, performer, blank(ref.performerText()) ? null : ref.performerText());
    }

    private static Coding coding(
            String where, String name, Map<String, Coding> codes, List<KnowledgeProblem> problems, boolean required) {
        if (blank(name)) {
            if (required) {
                problems.add(problem(where + ": required (the name of a concept in fhir.codes)"));
            }
            return null;
        }
        Coding c = codes.get(name);
        if (c == null) {
            problems.add(problem(where + ": '" + name + "' is not defined in fhir.codes"));
        }
        return c;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static KnowledgeProblem problem(String message) {
        return new KnowledgeProblem(FILE, 0, 0, message);
    }
}
