package io.crosscheck.cdshooks.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The CDS Hooks 2.0 JSON shapes Crosscheck sends: discovery, cards, suggestions, links. */
public final class CdsModel {

    private CdsModel() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Service(
            String hook,
            String title,
            String description,
            String id,
            Map<String, String> prefetch,
            String usageRequirements) {}

    public record Discovery(List<Service> services) {}

    /** {@code cards} is always present, an empty array when there is nothing to say (CDS Hooks 2.0). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Response(List<Card> cards, Map<String, Object> extension) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Card(
            String uuid,
            String summary,
            String detail,
            String indicator,
            Source source,
            List<Suggestion> suggestions,
            String selectionBehavior,
            List<Coding> overrideReasons,
            List<Link> links) {

        /** The same card shown again under the uuid it was first issued with, linking where it first linked. */
        public Card reissued(String firstUuid, List<Link> firstLinks) {
            return new Card(
                    firstUuid,
                    summary,
                    detail,
                    indicator,
                    source,
                    suggestions,
                    selectionBehavior,
                    overrideReasons,
                    firstLinks);
        }
    }

    /** A card's source: the rule behind it, a page about it the clinician can open, and (for a pattern) its topic. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String label, String url, Coding topic) {
        public Source(String label, String url) {
            this(label, url, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Coding(String system, String code, String display) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Suggestion(String label, String uuid, Boolean isRecommended, List<Action> actions) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(String type, String description, JsonNode resource) {}

    /** A card link: {@code absolute} (a web page) or {@code smart} (a SMART app launch URL, with its appContext). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String label, String url, String type, String appContext) {
        public Link(String label, String url, String type) {
            this(label, url, type, null);
        }
    }
}
