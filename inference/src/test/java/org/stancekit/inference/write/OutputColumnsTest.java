package org.stancekit.inference.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stancekit.domain.Article;
import org.stancekit.domain.LabelSchema;
import org.stancekit.inference.Scorer;
import org.stancekit.inference.TestModel;
import org.stancekit.inference.aggregate.ArticleScore;

class OutputColumnsTest {

    @Test
    void fastNumbersAreExactlyWhatStringFormatWrites() {
        for (int k = -30_000; k <= 30_000; k++) {
            double v = k / 10_000.0;
            assertEquals(String.format(Locale.ROOT, "%.4f", OutputColumns.round(v)), OutputColumns.fixed4(v), "k=" + k);
        }
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            double v = random.nextInt(3) == 0 ? random.nextGaussian() * 1e6 : random.nextDouble() * 2 - 1;
            assertEquals(String.format(Locale.ROOT, "%.4f", OutputColumns.round(v)), OutputColumns.fixed4(v), "v=" + v);
        }
        for (double v : new double[] {-0.0, 0.00005, -0.00005, -0.00006, 0.99995, -0.99995, Double.NaN, 1e13}) {
            assertEquals(String.format(Locale.ROOT, "%.4f", OutputColumns.round(v)), OutputColumns.fixed4(v), "v=" + v);
        }
    }

    @Test
    void confidenceColumnsComeAfterTheDocumentedArticleColumns() {
        List<String> header = new OutputColumns(LabelSchema.DEFAULT).articleHeader();
        assertEquals(List.of("sentiment", "sentiment_score", "us_confidence", "ukraine_confidence", "russia_confidence",
                "europe_confidence"), header.subList(header.size() - 6, header.size()));
    }

    @Test
    void theTypesAreThoseOfTheRowValues() {
        Scorer scorer = new Scorer(TestModel.bundle());
        ArticleScore article = scorer.score(new Article("a1", "Russia shelled Kharkiv overnight. The EU promised Ukraine more air defence."));
        OutputColumns columns = new OutputColumns(TestModel.bundle().schema());
        assertEquals(columns.sentenceHeader().size(), columns.sentenceTypes().size());
        assertEquals(columns.articleHeader().size(), columns.articleTypes().size());
        assertEquals(columns.sentenceTypes(), columns.sentenceRow("a1", article.sentences().get(0)).values().stream()
                .map(v -> (Class<?>) v.getClass()).toList());
        assertEquals(columns.articleTypes(), columns.articleRow(article).values().stream().map(v -> (Class<?>) v.getClass()).toList());
    }

    @Test
    void scoreLinesAreTheCellsAsOpenCsvWritesThem() throws java.io.IOException {
        Scorer scorer = new Scorer(TestModel.bundle());
        ArticleScore article = scorer.score(new Article("=a, \"b\"", "Russia shelled Kharkiv, \"again\". The EU promised more."));
        OutputColumns columns = new OutputColumns(TestModel.bundle().schema());
        java.io.StringWriter expected = new java.io.StringWriter();
        try (com.opencsv.CSVWriter csv = new com.opencsv.CSVWriter(expected)) {
            csv.writeNext(columns.articleCells(article), false);
        }
        assertEquals(expected.toString(), new ScoreLines(columns, OutputFormat.CSV, false).article(article));
        String safe = new ScoreLines(columns, OutputFormat.CSV, true).article(article);
        assertEquals("\"'=a, \"\"b\"\"\"" + expected.toString().substring(expected.toString().indexOf("\",") + 1), safe);
    }
}
