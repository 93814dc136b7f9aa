package org.stancekit.spark.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.stancekit.inference.aggregate.ArticleScore;
import org.stancekit.inference.aggregate.SentenceScore;
import org.stancekit.inference.pipeline.PipelineResult;
import org.stancekit.inference.read.ArticleInput;
import org.stancekit.inference.write.OutputColumns;
import org.stancekit.inference.write.ScoreLines;

/**
 * The rows one scoring pass yields for all three outputs, told apart by {@value #KIND}
 * ({@value #SENTENCES}, {@value #ARTICLES}, {@value #ERRORS}). Their content comes from the
 * inference module alone: {@link OutputColumns} gives the columns and values (typed rows),
 * {@link ScoreLines} the very lines {@code stancekit score} writes (line rows), and
 * {@link PipelineResult#errorRow()} decides what is an error. Nothing here rounds, formats or
 * names a column.
 *
 * <p>Typed rows: {@code kind} and one struct per output ({@value #SENTENCES}, {@value #ARTICLES},
 * {@value #ERRORS}), the one of the row's kind set. Line rows: {@code kind} and {@code line}.
 */
public final class ResultRows {

    /** The column telling the outputs apart. */
    public static final String KIND = "kind";
    /** The line column of line rows. */
    public static final String LINE = "line";
    /** The sentence output's kind (and struct column). */
    public static final String SENTENCES = "sentences";
    /** The article output's kind (and struct column). */
    public static final String ARTICLES = "articles";
    /** The errors output's kind (and struct column). */
    public static final String ERRORS = "errors";
    /** The three outputs, in the order they are written. */
    public static final List<String> OUTPUTS = List.of(SENTENCES, ARTICLES, ERRORS);

    private final ResultEncoding encoding;
    private final OutputColumns columns;
    private final ScoreLines lines;

    /** Rows of {@code encoding} for a model with these columns. */
    public ResultRows(ResultEncoding encoding, OutputColumns columns, boolean spreadsheetSafe) {
        this.encoding = encoding;
        this.columns = columns;
        this.lines = encoding == ResultEncoding.TYPED ? null
                : new ScoreLines(columns, encoding.lineFormat(), spreadsheetSafe);
    }

    /** The schema of the rows of {@code encoding}. */
    public static StructType schema(ResultEncoding encoding, OutputColumns columns) {
        StructType schema = new StructType().add(KIND, DataTypes.StringType, false);
        if (encoding != ResultEncoding.TYPED) {
            return schema.add(LINE, DataTypes.StringType, false);
        }
        return schema.add(SENTENCES, struct(columns.sentenceHeader(), columns.sentenceTypes()), true)
                .add(ARTICLES, struct(columns.articleHeader(), columns.articleTypes()), true)
                .add(ERRORS, struct(OutputColumns.ERROR_COLUMNS, List.of(String.class, String.class, String.class)), true);
    }

    /** The schema of one output's typed rows ({@code sentences.csv}'s columns and their types). */
    public static StructType outputSchema(String kind, OutputColumns columns) {
        return (StructType) schema(ResultEncoding.TYPED, columns).apply(kind).dataType();
    }

    private static StructType struct(List<String> names, List<Class<?>> types) {
        StructType s = new StructType();
        for (int i = 0; i < names.size(); i++) {
            s = s.add(names.get(i), type(types.get(i)), false);
        }
        return s;
    }

    private static DataType type(Class<?> type) {
        if (type == Integer.class) {
            return DataTypes.IntegerType;
        }
        if (type == Double.class) {
            return DataTypes.DoubleType;
        }
        if (type == String.class) {
            return DataTypes.StringType;
        }
        throw new IllegalArgumentException("no Spark type for output values of " + type);
    }

    /** The rows of one result: its sentences then the article, or one error. */
    public List<Row> of(PipelineResult result) {
        Optional<ArticleInput.Failed> error = result.errorRow();
        if (error.isPresent()) {
            return List.of(error(error.get()));
        }
        ArticleScore article = ((PipelineResult.Scored) result).score();
        List<Row> rows = new ArrayList<>(article.sentences().size() + 1);
        for (SentenceScore s : article.sentences()) {
            rows.add(lines == null ? typed(SENTENCES, columns.sentenceRow(article.articleId(), s).values().toArray())
                    : line(SENTENCES, lines.sentence(article.articleId(), s)));
        }
        rows.add(lines == null ? typed(ARTICLES, columns.articleRow(article).values().toArray())
                : line(ARTICLES, lines.article(article)));
        return rows;
    }

    /** The row of an input that could not be scored. */
    public Row error(ArticleInput.Failed failed) {
        return lines == null ? typed(ERRORS, new Object[] {failed.location(), failed.id(), failed.reason()})
                : line(ERRORS, lines.error(failed));
    }

    private static Row typed(String kind, Object[] values) {
        Row value = RowFactory.create(values);
        return RowFactory.create(kind, kind.equals(SENTENCES) ? value : null, kind.equals(ARTICLES) ? value : null,
                kind.equals(ERRORS) ? value : null);
    }

    /** A whole line, its line end included: the writer writes it as it is. */
    private static Row line(String kind, String line) {
        return RowFactory.create(kind, line);
    }

    /** The encoding of these rows. */
    public ResultEncoding encoding() {
        return encoding;
    }
}
