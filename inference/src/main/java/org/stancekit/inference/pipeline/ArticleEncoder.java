package org.stancekit.inference.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.stancekit.domain.Article;
import org.stancekit.model.StanceModel;
import org.stancekit.text.SentenceSplitter;

/** Splits an article into sentences and encodes each one. Safe for concurrent use. */
public final class ArticleEncoder {

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final StanceModel<?, ?> model;

    /** An article encoder for a model. */
    public ArticleEncoder(StanceModel<?, ?> model) {
        this.model = model;
    }

    /** Splits and encodes one article. */
    public EncodedArticle encode(Article article) {
        List<String> sentences = splitter.split(article.text());
        List<Object> inputs = new ArrayList<>(sentences.size());
        for (String s : sentences) {
            inputs.add(model.encode(s));
        }
        return new EncodedArticle(article.id(), sentences, inputs);
    }
}
