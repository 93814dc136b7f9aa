package org.stancekit.training.articles;

import java.util.ArrayList;
import java.util.List;
import org.stancekit.domain.LabelSchema;
import org.stancekit.evaluation.ArticleEvaluation;
import org.stancekit.inference.aggregate.ArticleAggregator;
import org.stancekit.inference.aggregate.ArticleScore;
import org.stancekit.inference.aggregate.PartyEvidence;
import org.stancekit.inference.aggregate.RollUpRule;
import weka.classifiers.functions.Logistic;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * The learned candidate of the roll-up comparison: Weka's multinomial logistic regression over
 * eight statistics of a party's {@link PartyEvidence} (mentions, their share of the sentences,
 * the share of them that name the party, the vote shares of FAVOR and AGAINST, the mean, vote and
 * mass balances), one model for all parties, fitted on the train articles. Small and explainable:
 * a weight per statistic and class.
 */
public final class LearnedRollUp {

    private final LabelSchema schema;
    private final Instances header;
    private final Logistic model;

    private LearnedRollUp(LabelSchema schema, Instances header, Logistic model) {
        this.schema = schema;
        this.header = header;
        this.model = model;
    }

    /** Fits the model on scored, labelled articles (every party of every article is one example). */
    public static LearnedRollUp fit(ScoredArticles train, double ridge) throws Exception {
        LabelSchema schema = train.schema();
        Instances data = header(schema);
        ArticleAggregator aggregator = aggregator(train);
        for (int i = 0; i < train.articles().size(); i++) {
            List<PartyEvidence> evidence = aggregator.evidence(train.scores().get(i).sentences());
            int sentences = train.scores().get(i).sentences().size();
            for (int p = 0; p < schema.parties().size(); p++) {
                Instance row = instance(data, evidence.get(p), sentences);
                row.setClassValue(train.articles().get(i).stances().get(p));
                data.add(row);
            }
        }
        Logistic logistic = new Logistic();
        logistic.setRidge(ridge);
        logistic.buildClassifier(data);
        return new LearnedRollUp(schema, data, logistic);
    }

    /** Its evaluation on other scored articles. */
    public ArticleEvaluation evaluate(ScoredArticles scored) throws Exception {
        List<List<String>> predicted = new ArrayList<>();
        ArticleAggregator aggregator = aggregator(scored);
        for (ArticleScore score : scored.scores()) {
            List<PartyEvidence> evidence = aggregator.evidence(score.sentences());
            List<String> stances = new ArrayList<>();
            for (int p = 0; p < schema.parties().size(); p++) {
                Instance row = instance(header, evidence.get(p), score.sentences().size());
                stances.add(schema.stances().get((int) model.classifyInstance(row)));
            }
            predicted.add(stances);
        }
        return ArticleEvaluation.of(schema, scored.gold(), predicted);
    }

    private static Instances header(LabelSchema schema) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (String name : List.of("log_mentions", "mention_share", "named_share", "favour_votes", "against_votes",
                "mean_balance", "vote_balance", "mass_balance")) {
            attributes.add(new Attribute(name));
        }
        attributes.add(new Attribute("stance", new ArrayList<>(schema.stances())));
        Instances data = new Instances("party_evidence", attributes, 0);
        data.setClassIndex(attributes.size() - 1);
        return data;
    }

    /** The evidence of scored articles' sentences, with named mentions (the rule itself is not used). */
    private static ArticleAggregator aggregator(ScoredArticles scored) {
        return new ArticleAggregator(scored.schema(), RollUpRule.DEFAULT, scored.lexicon());
    }

    private static Instance instance(Instances header, PartyEvidence e, int sentences) {
        double m = e.mentions();
        double[] values = {Math.log1p(m), sentences == 0 ? 0 : m / sentences, m == 0 ? 0 : e.named() / m,
            m == 0 ? 0 : e.favourVotes() / m, m == 0 ? 0 : e.againstVotes() / m, e.meanBalance(), e.voteBalance(),
            e.massBalance(), 0};
        Instance row = new DenseInstance(1.0, values);
        row.setDataset(header);
        row.setClassMissing();
        return row;
    }
}
