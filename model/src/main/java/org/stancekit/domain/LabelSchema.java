package org.stancekit.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The labels a model predicts: the parties it takes a stance toward, the stance labels and the
 * sentiment labels. A model's schema is stored in its manifest, so code reads the parties from
 * here instead of hard-coding them; a user may retrain with other parties.
 *
 * <p>The stance labels must include {@link #FAVOR}, {@link #AGAINST} and {@link #NONE} because
 * aggregation gives them a meaning (sign of the score, "not referred to"); the sentiment labels
 * must include {@link #POSITIVE} and {@link #NEGATIVE} for the same reason.
 *
 * @param parties party names, upper case (for example {@code US}); CSV columns use them lower case
 * @param stances stance labels, in the order of the network's stance outputs
 * @param sentiments sentiment labels, in the order of the network's sentiment output
 */
public record LabelSchema(List<String> parties, List<String> stances, List<String> sentiments) {

    public static final String FAVOR = "FAVOR";
    public static final String AGAINST = "AGAINST";
    public static final String NEUTRAL = "NEUTRAL";
    public static final String NONE = "NONE";
    public static final String POSITIVE = "POSITIVE";
    public static final String NEGATIVE = "NEGATIVE";
    /** The sentiment head's name in decision biases, temperatures and networks. */
    public static final String SENTIMENT_HEAD = "sentiment";

    /** The schema of the project's own dataset and shipped model. */
    public static final LabelSchema DEFAULT = new LabelSchema(
            List.of("US", "UKRAINE", "RUSSIA", "EUROPE"),
            List.of(FAVOR, AGAINST, NEUTRAL, NONE),
            List.of(POSITIVE, NEGATIVE, NEUTRAL));

    public LabelSchema {
        parties = List.copyOf(Objects.requireNonNull(parties, "parties"));
        stances = List.copyOf(Objects.requireNonNull(stances, "stances"));
        sentiments = List.copyOf(Objects.requireNonNull(sentiments, "sentiments"));
        if (parties.isEmpty()) {
            throw new IllegalArgumentException("a label schema needs at least one party");
        }
        requireDistinct("parties", parties);
        requireDistinct("stances", stances);
        requireDistinct("sentiments", sentiments);
        for (String required : List.of(FAVOR, AGAINST, NONE)) {
            if (!stances.contains(required)) {
                throw new IllegalArgumentException("stance labels must include " + required + ", got " + stances);
            }
        }
        for (String required : List.of(POSITIVE, NEGATIVE)) {
            if (!sentiments.contains(required)) {
                throw new IllegalArgumentException("sentiment labels must include " + required + ", got " + sentiments);
            }
        }
        for (String party : parties) {
            if (!party.equals(party.toUpperCase(Locale.ROOT)) || !party.matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException("party names are upper-case identifiers, got '" + party + "'");
            }
        }
    }

    private static void requireDistinct(String what, List<String> values) {
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException(what + " must be distinct, got " + values);
        }
    }

    /** The lower-case column prefix of a party, as used in every CSV and JSON file. */
    public static String column(String party) {
        return party.toLowerCase(Locale.ROOT);
    }

    /** Index of a stance label, or -1. */
    public int stanceIndex(String label) {
        return stances.indexOf(label);
    }

    /** Index of a sentiment label, or -1. */
    public int sentimentIndex(String label) {
        return sentiments.indexOf(label);
    }

    /**
     * The heads' names, as decision biases, temperatures and networks name them: {@code stance_<party>}
     * per party in schema order, then {@code sentiment}.
     */
    public List<String> heads() {
        List<String> names = new java.util.ArrayList<>();
        parties.forEach(p -> names.add("stance_" + column(p)));
        names.add(SENTIMENT_HEAD);
        return names;
    }
}
