package org.stancekit.training.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.Labels;
import org.stancekit.domain.Prediction;
import org.stancekit.training.report.EvaluationReport;
import org.stancekit.evaluation.Reliability;
import org.stancekit.model.StanceModel;
import org.stancekit.transformer.TransformerModel;

/** The calibration section of an evaluation: each head's reliability as scored and, with fitted temperatures, before. */
final class Calibrations {

    private Calibrations() {
    }

    /**
     * Per head, the reliability of {@code predictions}; for a transformer model with temperatures,
     * also of the same model's predictions with every temperature at 1.
     */
    static Map<String, EvaluationReport.Calibrated> of(StanceModel<?, ?> model, List<String> texts, List<Labels> gold,
                                                      List<Prediction> predictions) {
        List<Prediction> uncalibrated = null;
        if (model instanceof TransformerModel t && !t.manifest().temperatures().isEmpty()) {
            uncalibrated = t.withManifest(t.manifest().withTemperatures(Map.of())).predict(texts);
        }
        List<String> heads = model.schema().heads();
        Map<String, EvaluationReport.Calibrated> out = new LinkedHashMap<>();
        for (int h = 0; h < heads.size(); h++) {
            Reliability before = uncalibrated == null ? null
                    : Reliability.of(head(uncalibrated, h, model), goldOf(gold, h, model));
            out.put(heads.get(h), new EvaluationReport.Calibrated(
                    Reliability.of(head(predictions, h, model), goldOf(gold, h, model)), before));
        }
        return out;
    }

    private static List<Distribution> head(List<Prediction> predictions, int h, StanceModel<?, ?> model) {
        List<Distribution> out = new ArrayList<>(predictions.size());
        for (Prediction p : predictions) {
            out.add(h < model.schema().parties().size() ? p.stances().get(h) : p.sentiment());
        }
        return out;
    }

    private static List<String> goldOf(List<Labels> gold, int h, StanceModel<?, ?> model) {
        List<String> out = new ArrayList<>(gold.size());
        for (Labels l : gold) {
            out.add(h < model.schema().parties().size() ? l.stances().get(h) : l.sentiment());
        }
        return out;
    }
}
