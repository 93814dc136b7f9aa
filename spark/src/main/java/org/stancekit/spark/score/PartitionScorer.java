package org.stancekit.spark.score;

import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.TaskCompletionListener;
import org.stancekit.inference.pipeline.PipelineInput;
import org.stancekit.inference.pipeline.PipelineOptions;
import org.stancekit.inference.pipeline.ScoringPipeline;
import org.stancekit.inference.read.ArticleReader;
import org.stancekit.inference.read.ReaderOptions;
import org.stancekit.inference.write.OutputColumns;
import org.stancekit.model.StanceModel;
import org.stancekit.spark.model.BundleBytes;
import org.stancekit.spark.model.ExecutorModels;
import org.stancekit.spark.read.ArticleRows;

/**
 * Scores one partition of {@link ArticleRows} on an executor, through the scoring code of
 * {@code stancekit score}: the shared checks ({@link ArticleReader#check}; every copy of an id is
 * in this partition, as the job partitions by id, and rows come in input order, so the first copy
 * is kept), then one {@link ScoringPipeline} over the partition, then {@link ResultRows}. The
 * model is the executor's ({@link ExecutorModels}): read once per JVM from the broadcast bundle.
 *
 * @param bundle the broadcast bundle
 * @param reader the checks' settings (longest article)
 * @param workers encoder threads of the task's pipeline (beside its inference thread)
 * @param encoding typed rows or output lines
 * @param spreadsheetSafe CSV cells of input text written safely for spreadsheets
 */
public record PartitionScorer(Broadcast<BundleBytes> bundle, ReaderOptions reader, int workers, ResultEncoding encoding,
                              boolean spreadsheetSafe) implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Iterator<Row> partition) throws Exception {
        StanceModel<?, ?> model = ExecutorModels.get(bundle.value());
        PipelineOptions options = PipelineOptions.defaults(model).withWorkers(workers);
        ArticleReader checker = new ArticleReader(reader);
        ResultRows rows = new ResultRows(encoding, new OutputColumns(model.schema()), spreadsheetSafe);
        Iterator<PipelineInput> inputs = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return partition.hasNext();
            }

            @Override
            public PipelineInput next() {
                return new PipelineInput(ArticleRows.item(partition.next(), checker), -1);
            }
        };
        PipelineIterator<Row> scored = new PipelineIterator<>(new ScoringPipeline(model, options), inputs, rows::of);
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) context -> scored.close());
        }
        return FaultInjection.wrap(scored, task);
    }
}
