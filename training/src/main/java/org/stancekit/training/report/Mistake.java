package org.stancekit.training.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;
import org.stancekit.domain.Prediction;

/**
 * A wrong prediction and how sure the model was of it: the most confident mistakes of each head
 * show what the model systematically misreads (and, as often, where a gold label is wrong).
 *
 * @param head {@code Stance toward US} or {@code Sentiment}
 * @param text the sentence
 * @param gold its gold label
 * @param predicted the model's label
 * @param probability the model's probability of its label
 */
public record Mistake(String head, String text, String gold, String predicted, double probability) {

    /**
     * The {@code perHead} most confident mistakes of every head (parties in schema order, then
     * sentiment), most confident first.
     */
    public static List<Mistake> mostConfident(LabelSchema schema, List<String> texts, List<Labels> gold,
                                              List<Prediction> predicted, int perHead) {
        List<Mistake> out = new ArrayList<>();
        for (int h = 0; h <= schema.parties().size(); h++) {
            boolean sentiment = h == schema.parties().size();
            String head = sentiment ? "Sentiment" : "Stance toward " + schema.parties().get(h);
            List<Mistake> wrong = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                Distribution d = sentiment ? predicted.get(i).sentiment() : predicted.get(i).stances().get(h);
                String g = sentiment ? gold.get(i).sentiment() : gold.get(i).stances().get(h);
                if (!d.best().equals(g)) {
                    wrong.add(new Mistake(head, texts.get(i), g, d.best(), d.probability(d.best())));
                }
            }
            wrong.sort(Comparator.comparingDouble(Mistake::probability).reversed());
            out.addAll(wrong.subList(0, Math.min(perHead, wrong.size())));
        }
        return out;
    }
}
