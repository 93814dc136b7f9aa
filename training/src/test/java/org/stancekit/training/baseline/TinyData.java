package org.stancekit.training.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Labels;
import org.stancekit.domain.Split;

/** Inline datasets for the baseline tests. */
final class TinyData {

    /** Cities for the training rows. */
    static final List<String> TRAIN_CITIES = List.of("Kharkiv", "Odesa", "Lviv", "Dnipro", "Sumy", "Kherson",
            "Poltava", "Mykolaiv", "Chernihiv", "Zhytomyr");
    /** Cities never seen in training: their features are unknown, the template words carry the signal. */
    static final List<String> UNSEEN_CITIES = List.of("Uman", "Izium", "Bucha", "Irpin", "Lutsk", "Rivne");

    private TinyData() {
    }

    /** A row with the given Russia stance and sentiment; the other parties are NONE. */
    static LabelledSentence row(String id, String text, String russia, String sentiment) {
        return new LabelledSentence(id, "inline", "doc-" + id, 0, text,
                new Labels(List.of(LabelSchema.NONE, LabelSchema.NONE, russia, LabelSchema.NONE), sentiment), Split.TRAIN);
    }

    /**
     * Separable sentences, three templates per class: Russia attacking (AGAINST, NEGATIVE), Russia
     * thanked (FAVOR, POSITIVE) and no party at all (NONE, NEUTRAL), one sentence per template and
     * city. AGAINST has twice the rows so that the majority is not a coin toss.
     */
    static List<LabelledSentence> separable(List<String> cities) {
        List<LabelledSentence> rows = new ArrayList<>();
        for (String city : cities) {
            String c = city.toLowerCase(Locale.ROOT);
            rows.add(row("a1-" + c, "Russia attacked " + city + " with missiles overnight.", LabelSchema.AGAINST, LabelSchema.NEGATIVE));
            rows.add(row("a2-" + c, "Russian troops shelled " + city + " again, killing civilians.", LabelSchema.AGAINST, LabelSchema.NEGATIVE));
            rows.add(row("f1-" + c, "Residents of " + city + " thanked Russia for the generous help.", LabelSchema.FAVOR, LabelSchema.POSITIVE));
            rows.add(row("n1-" + c, "The weather in " + city + " stayed mild and dry this week.", LabelSchema.NONE, LabelSchema.NEUTRAL));
        }
        return rows;
    }

    /** The texts of some rows. */
    static List<String> texts(List<LabelledSentence> rows) {
        return rows.stream().map(LabelledSentence::text).toList();
    }

    /** The gold labels of some rows. */
    static List<Labels> gold(List<LabelledSentence> rows) {
        return rows.stream().map(LabelledSentence::labels).toList();
    }
}
