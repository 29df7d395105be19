package io.crosscheck.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Deterministic, valid screening requests for replay tests: a seeded {@link Random} picks how many
 * lower- and upper-crossed findings each client has (often exactly three, so a change to the
 * concordance minimum shows), which ones, some bilateral duplicates (which count once), and
 * sometimes breathing signs, anxiety, sitting, yellow flags, back symptoms and red flags.
 */
public final class GeneratedRequests {

    /** Each adds the input for one distinct lower-crossed finding. */
    private static final List<Consumer<ObjectNode>> LCS = List.of(
            r -> sign(r, "anterior_pelvic_tilt", null),
            r -> sign(r, "increased_lumbar_lordosis", null),
            r -> sign(r, "protruding_abdomen", null),
            r -> sign(r, "lateral_lumbar_shift", "left"),
            r -> sign(r, "knee_hyperextension", "bilateral"),
            r -> sign(r, "leg_lateral_rotation", "right"),
            r -> muscle(r, "iliopsoas", "left"),
            r -> muscle(r, "rectus_femoris", "right"),
            r -> muscle(r, "tensor_fasciae_latae", "left"),
            r -> muscle(r, "hamstrings", "bilateral"),
            r -> muscle(r, "erector_spinae", null),
            r -> muscle(r, "quadratus_lumborum", "left"),
            r -> movement(r, "prone_hip_extension", "left", "gluteus_maximus_delayed"),
            r -> movement(r, "prone_hip_extension", "right", "lumbar_hyperextension"),
            r -> movement(r, "side_lying_hip_abduction", "left", "tfl_substitution"),
            r -> movement(r, "trunk_curl_up", null, "hip_flexor_dominance"));

    /** Each adds the input for one distinct upper-crossed finding. */
    private static final List<Consumer<ObjectNode>> UCS = List.of(
            r -> sign(r, "forward_head", null),
            r -> sign(r, "rounded_shoulders", "bilateral"),
            r -> sign(r, "elevated_shoulders", "left"),
            r -> sign(r, "increased_cervical_lordosis", null),
            r -> sign(r, "scapular_winging", "right"),
            r -> muscle(r, "upper_trapezius", "left"),
            r -> muscle(r, "levator_scapulae", "right"),
            r -> muscle(r, "pectoralis_major", "bilateral"),
            r -> movement(r, "cervical_flexion", null, "chin_poke"),
            r -> movement(r, "push_up", null, "early_shoulder_elevation"));

    private static final int[] LCS_COUNTS = {0, 1, 2, 2, 3, 3, 3, 3, 4, 4, 5, 6};
    private static final int[] UCS_COUNTS = {0, 1, 2, 3, 3, 4};
    private static final List<String> RED_FLAGS = List.of(
            "saddle_anaesthesia",
            "bladder_dysfunction",
            "fever_chills",
            "unexplained_weight_loss",
            "major_trauma",
            "history_of_cancer");

    private GeneratedRequests() {}

    public static List<String> generate(long seed, int count) {
        Random rnd = new Random(seed);
        List<String> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(generate(rnd, i).toString());
        }
        return requests;
    }

    private static ObjectNode generate(Random rnd, int i) {
        ObjectNode r = RuleHarness.JSON.createObjectNode();
        r.put("clientRef", "gen-" + (i % 40));
        r.putObject("client").put("age", 22 + rnd.nextInt(26)).put("sex", rnd.nextBoolean() ? "female" : "male");
        pick(rnd, LCS, LCS_COUNTS[rnd.nextInt(LCS_COUNTS.length)]).forEach(add -> add.accept(r));
        pick(rnd, UCS, UCS_COUNTS[rnd.nextInt(UCS_COUNTS.length)]).forEach(add -> add.accept(r));
        if (rnd.nextInt(4) == 0 && r.has("muscleLength")) {
            // the same finding on the other side as well: still one distinct finding
            ObjectNode first = (ObjectNode) r.get("muscleLength").get(0);
            if (first.has("side") && !"bilateral".equals(first.get("side").asText())) {
                ObjectNode twin = first.deepCopy();
                twin.put("side", "left".equals(first.get("side").asText()) ? "right" : "left");
                ((ArrayNode) r.get("muscleLength")).add(twin);
            }
        }
        if (rnd.nextInt(3) == 0) {
            r.putObject("breathing").put("upperChestDominant", true).put("mouthBreathing", rnd.nextBoolean());
        }
        if (rnd.nextInt(4) == 0) {
            r.putObject("psychosocial").put("anxiety", rnd.nextBoolean()).put("fearAvoidance", rnd.nextBoolean());
        }
        if (rnd.nextInt(3) == 0) {
            r.putObject("lifestyle")
                    .put("sittingHoursPerDay", 2 + rnd.nextInt(9))
                    .put("activityLevel", "light");
        }
        if (rnd.nextInt(3) == 0) {
            r.putArray("symptoms")
                    .addObject()
                    .put("region", "low_back")
                    .put("kind", "tightness")
                    .put("trigger", "exercise")
                    .put("nrs", rnd.nextInt(8))
                    .put("durationWeeks", 1 + rnd.nextInt(30));
        }
        ArrayNode flags = r.putArray("redFlags");
        int yes = rnd.nextInt(10) == 0 ? rnd.nextInt(RED_FLAGS.size()) : -1;
        for (int f = 0; f < 3; f++) {
            flags.addObject()
                    .put(
                            "code",
                            RED_FLAGS.get(
                                    f == 0 && yes >= 0 ? yes : (yes + 1 + f + RED_FLAGS.size()) % RED_FLAGS.size()))
                    .put("present", f == 0 && yes >= 0);
        }
        return r;
    }

    private static <T> List<T> pick(Random rnd, List<T> from, int n) {
        List<T> shuffled = new ArrayList<>(from);
        Collections.shuffle(shuffled, rnd);
        return shuffled.subList(0, n);
    }

    private static void sign(ObjectNode r, String code, String side) {
        ObjectNode o = array(r, "observations").addObject().put("code", code).put("present", true);
        if (side != null) {
            o.put("side", side);
        }
    }

    private static void muscle(ObjectNode r, String muscle, String side) {
        ObjectNode m =
                array(r, "muscleLength").addObject().put("muscle", muscle).put("result", "short");
        if (side != null) {
            m.put("side", side);
        }
    }

    private static void movement(ObjectNode r, String test, String side, String substitution) {
        ObjectNode m =
                array(r, "movementPatterns").addObject().put("test", test).put("result", "abnormal");
        if (side != null) {
            m.put("side", side);
        }
        m.putArray("substitutions").add(substitution);
    }

    private static ArrayNode array(ObjectNode r, String field) {
        return r.has(field) ? (ArrayNode) r.get(field) : r.putArray(field);
    }
}
