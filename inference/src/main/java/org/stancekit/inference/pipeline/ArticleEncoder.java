package org.stancekit.inference.pipeline;

import java.util.List;
import org.stancekit.domain.Article;
import org.stancekit.features.FeatureEncoder;
import org.stancekit.text.SentenceSplitter;

/** Splits an article into sentences and encodes each one. Safe for concurrent use. */
public final class ArticleEncoder {

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final FeatureEncoder encoder;

    /** An article encoder over a model's feature encoder. */
    public ArticleEncoder(FeatureEncoder encoder) {
        this.encoder = encoder;
    }

    /** Splits and encodes one article (with its sentence vectors, for models that read them). */
    public EncodedArticle encode(Article article) {
        List<String> sentences = splitter.split(article.text());
        int[][] features = new int[sentences.size()][];
        for (int i = 0; i < features.length; i++) {
            features[i] = encoder.encode(sentences.get(i));
        }
        return new EncodedArticle(article.id(), sentences, features, encoder.embed(sentences));
    }
}
