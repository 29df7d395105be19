package io.crosscheck.web.service;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.screening.model.HomeProgrammeChoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sheet's edit page as a form: one fieldset per home exercise of the plan (goes home, and the four parts of its dose
 * prefilled with what the sheet prints), the personal note and the version it is made from. Read back into a save
 * request (a dose part equal to the catalogue's is not an edit), and each error of a refused save put beside its field.
 */
public record SheetEditForm(
        String screeningId,
        int basedOn,
        List<Item> items,
        String note,
        String noteError,
        List<String> errors,
        List<HomeProgrammeChoice.VersionSummary> versions) {

    /** The parts of a dose, in the order the sheet prints them. */
    public static final List<String> PARTS = List.of("sets", "repeat", "hold", "often");

    private static final Pattern ITEM_FIELD = Pattern.compile("/items/(\\d+)(?:/dose/(\\w+)|/id)?");

    /** One exercise: its fields' values by part, the catalogue's client dose by part, and the errors by part. */
    public record Item(
            String id,
            String title,
            boolean include,
            Map<String, String> dose,
            Map<String, String> catalogue,
            Map<String, String> errors) {

        public String field(String part) {
            return part + "_" + id;
        }
    }

    /** The form of the current choice, with no error. */
    public static SheetEditForm of(HomeProgrammeChoice.View view) {
        List<Item> items = view.items().stream()
                .map(i -> new Item(i.id(), i.title(), i.include(), parts(i.dose()), parts(i.catalogueDose()), Map.of()))
                .toList();
        return new SheetEditForm(
                view.screeningId(), view.version(), items, view.note(), null, List.of(), view.versions());
    }

    /** What was posted, over the current choice's items. */
    public static SheetEditForm posted(HomeProgrammeChoice.View view, Map<String, String> form) {
        List<Item> items = view.items().stream()
                .map(i -> {
                    Map<String, String> dose = new LinkedHashMap<>();
                    PARTS.forEach(p -> dose.put(p, form.getOrDefault(p + "_" + i.id(), "")));
                    return new Item(
                            i.id(),
                            i.title(),
                            form.containsKey("include_" + i.id()),
                            dose,
                            parts(i.catalogueDose()),
                            Map.of());
                })
                .toList();
        return new SheetEditForm(
                view.screeningId(), basedOn(form), items, form.get("note"), null, List.of(), view.versions());
    }

    /** The save request of this form: a dose part left as the catalogue's, or blank, prints the catalogue's. */
    public HomeProgrammeChoice.Request request() {
        List<HomeProgrammeChoice.Item> out = new ArrayList<>();
        for (Item i : items) {
            Map<String, String> mine = new LinkedHashMap<>();
            PARTS.forEach(p -> {
                String v = i.dose().get(p);
                mine.put(
                        p,
                        v == null
                                        || v.isBlank()
                                        || v.strip().equals(i.catalogue().get(p))
                                ? null
                                : v);
            });
            out.add(new HomeProgrammeChoice.Item(
                    i.id(),
                    i.include(),
                    new HomeProgramme.Dose(mine.get("sets"), mine.get("repeat"), mine.get("hold"), mine.get("often"))));
        }
        return new HomeProgrammeChoice.Request(basedOn, out, note);
    }

    /** This form with each error of a refused save beside its field (the rest listed at the top). */
    public SheetEditForm withErrors(List<FieldError> fieldErrors) {
        List<Map<String, String>> byItem = new ArrayList<>();
        items.forEach(i -> byItem.add(new LinkedHashMap<>()));
        String noteErr = null;
        List<String> general = new ArrayList<>();
        for (FieldError e : fieldErrors) {
            Matcher m = ITEM_FIELD.matcher(e.field());
            if (m.matches() && m.group(2) != null && Integer.parseInt(m.group(1)) < items.size()) {
                byItem.get(Integer.parseInt(m.group(1))).put(m.group(2), e.message());
            } else if ("/note".equals(e.field())) {
                noteErr = e.message();
            } else {
                general.add(e.message());
            }
        }
        List<Item> marked = new ArrayList<>();
        for (int n = 0; n < items.size(); n++) {
            Item i = items.get(n);
            marked.add(new Item(i.id(), i.title(), i.include(), i.dose(), i.catalogue(), byItem.get(n)));
        }
        return new SheetEditForm(screeningId, basedOn, marked, note, noteErr, general, versions);
    }

    /** The dose parts, for the page. */
    public List<String> parts() {
        return PARTS;
    }

    /** A dose part's label on the page. */
    public String label(String part) {
        return switch (part) {
            case "sets" -> "Sets";
            case "repeat" -> "Repeat";
            case "hold" -> "Hold";
            default -> "How often";
        };
    }

    public int errorCount() {
        return errors.size()
                + (noteError == null ? 0 : 1)
                + items.stream().mapToInt(i -> i.errors().size()).sum();
    }

    private static int basedOn(Map<String, String> form) {
        try {
            return Integer.parseInt(
                    Objects.requireNonNullElse(form.get("basedOn"), "0").strip());
        } catch (NumberFormatException e) {
            return -1; // refused by the save, naming /basedOn
        }
    }

    private static Map<String, String> parts(HomeProgramme.Dose d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sets", d == null || d.sets() == null ? "" : d.sets());
        m.put("repeat", d == null || d.repeat() == null ? "" : d.repeat());
        m.put("hold", d == null || d.hold() == null ? "" : d.hold());
        m.put("often", d == null || d.often() == null ? "" : d.often());
        return m;
    }
}
