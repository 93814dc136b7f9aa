package org.stancekit.inference.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.stancekit.inference.Scorer;
import org.stancekit.inference.aggregate.ArticleScore;
import org.stancekit.inference.read.ArticleInput;
import org.stancekit.inference.read.ArticleReader;
import org.stancekit.inference.write.OutputColumns;
import org.stancekit.inference.write.OutputFormat;
import org.stancekit.inference.write.ScoreWriter;
import org.stancekit.model.Manifest;
import org.stancekit.inference.pipeline.PipelineInput;
import org.stancekit.inference.pipeline.PipelineOptions;
import org.stancekit.inference.pipeline.PipelineResult;
import org.stancekit.inference.pipeline.ScoringPipeline;

/**
 * Scores every article of the inputs into an output folder, streaming: articles are read,
 * encoded and scored by a {@link ScoringPipeline} and written in input order as they come, so
 * memory stays flat however large the input. An input that cannot be read or scored is written
 * to {@code errors.csv} ({@code errors.jsonl} with JSONL output) and the batch goes on.
 *
 * <p><b>Resume.</b> Every {@link BatchOptions#checkpointMillis()} the writer makes its files
 * durable and records, in {@value RunJournal#FILE}, how many input items are complete and how long
 * each temporary file was at that point ({@link RunJournal}). A run that is killed leaves its
 * temporary files and that record behind; run again with {@link BatchOptions#resume()} and the
 * files are cut back to the recorded lengths, the recorded number of items is skipped as the
 * inputs are read again, and the run continues, so every article ends up written exactly once.
 * The final files appear (by rename) only when the whole input is done.
 */
public final class BatchScorer {

    private final Scorer scorer;
    private final BatchOptions options;
    private volatile ScoringPipeline running;
    private volatile boolean stopRequested;

    /** A batch scorer with the default options. */
    public BatchScorer(Scorer scorer) {
        this(scorer, BatchOptions.defaults());
    }

    /** A batch scorer with these options. */
    public BatchScorer(Scorer scorer, BatchOptions options) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Scores {@code inputs} into {@code outDir}.
     *
     * @param progress told about four times a second with the running totals, and once at the end
     * @return the totals; {@link BatchSummary#complete()} is false when {@link #stop()} ended the
     *         run early, in which case a later run with resume continues it
     * @throws ResumeMismatchException when resuming a run with other inputs, options or model
     */
    public BatchSummary run(List<Path> inputs, Path outDir, OutputFormat format, Consumer<BatchSummary> progress)
            throws IOException {
        ArticleReader.requireExisting(inputs);
        String settings = settings(inputs, format);
        OutputColumns columns = new OutputColumns(scorer.bundle().schema());
        try (OutputLock lock = OutputLock.acquire(outDir)) {
            Optional<RunJournal> previous = options.resume() ? RunJournal.read(outDir) : Optional.empty();
            RunJournal start;
            ScoreWriter writer;
            if (previous.isPresent()) {
                start = previous.get();
                requireSameSettings(start.settings(), settings);
                writer = ScoreWriter.resume(outDir, columns, format, options.spreadsheetSafe(), options.html(),
                        start.lengths(), start.articles());
                writer.keepPartialFiles();
            } else {
                RunJournal.delete(outDir);
                start = new RunJournal(RunJournal.VERSION, settings, 0, "", 0, 0, 0, Map.of());
                writer = new ScoreWriter(outDir, columns, format, options.spreadsheetSafe(), options.html());
            }
            try (writer) {
                return score(inputs, outDir, writer, start, progress);
            }
        }
    }

    /**
     * How many input items an interrupted run in {@code outDir} completed, or -1 when there is
     * no interrupted run to resume.
     */
    public static long resumePoint(Path outDir) throws IOException {
        return RunJournal.read(outDir).map(RunJournal::items).orElse(-1L);
    }

    /** Ends a running {@link #run} soon, cleanly: a last checkpoint is written and it returns. */
    public void stop() {
        stopRequested = true;
        ScoringPipeline p = running;
        if (p != null) {
            p.stop();
        }
    }

    private BatchSummary score(List<Path> inputs, Path outDir, ScoreWriter writer, RunJournal start,
                               Consumer<BatchSummary> progress) throws IOException {
        ArticleReader reader = new ArticleReader(options.reader());
        long totalBytes = ArticleReader.totalBytes(inputs);
        PipelineOptions pipelineOptions = scorer.options();
        if (inputs.stream().anyMatch(ArticleReader::isStdin) && pipelineOptions.idleFlushMillis() == 0) {
            // Standard input may pause (a producer upstream): score what has come instead of waiting.
            pipelineOptions = pipelineOptions.withIdleFlushMillis(200);
        }
        Recorder recorder = new Recorder(outDir, writer, start, totalBytes, progress);
        ScoringPipeline pipeline = scorer.newPipeline(pipelineOptions);
        running = pipeline;
        if (stopRequested) {
            pipeline.stop();
        }
        boolean complete;
        try {
            complete = pipeline.run(emit -> skipDone(reader, inputs, start, emit), recorder);
        } catch (IOException | RuntimeException | Error e) {
            recorder.checkpointAfterFailure(e);
            throw e;
        } finally {
            running = null;
        }
        if (complete) {
            writer.commit();
            RunJournal.delete(outDir);
        } else {
            recorder.checkpoint();
        }
        BatchSummary summary = recorder.summary(complete);
        progress.accept(summary);
        return summary;
    }

    /** Reads the inputs, dropping the items an interrupted run completed. */
    private static void skipDone(ArticleReader reader, List<Path> inputs, RunJournal start,
                                 Consumer<PipelineInput> emit) throws IOException {
        AtomicLong seq = new AtomicLong();
        long skip = start.items();
        reader.read(inputs, item -> {
            long n = seq.getAndIncrement();
            if (n < skip) {
                if (n == skip - 1 && !item.location().equals(start.lastLocation())) {
                    throw new ResumeMismatchException("cannot resume: the inputs have changed since the interrupted run"
                            + " (its item " + skip + " was " + start.lastLocation() + ", now it is " + item.location() + ")");
                }
                return;
            }
            emit.accept(new PipelineInput(item, reader.bytesRead()));
        });
        if (seq.get() < skip) {
            throw new ResumeMismatchException("cannot resume: the inputs have fewer items (" + seq.get()
                    + ") than the interrupted run had already written (" + skip + ")");
        }
    }

    /** Everything that must not change between a run and its resume, one {@code key=value} a line. */
    private String settings(List<Path> inputs, OutputFormat format) {
        Manifest m = scorer.bundle().manifest();
        Map<String, String> s = new TreeMap<>();
        s.put("inputs", inputs.stream().map(Path::toString).toList().toString());
        s.put("format", format.name());
        s.put("id_column", options.reader().idColumn());
        s.put("text_column", options.reader().textColumn());
        s.put("max_chars", Integer.toString(options.reader().maxArticleChars()));
        if (options.spreadsheetSafe()) {
            // Only when on, so that a run interrupted by an earlier version still resumes.
            s.put("spreadsheet_safe", "true");
        }
        if (options.html()) {
            s.put("html", "true");
        }
        s.put("model", m.createdAt() + " seed " + m.seed() + " " + m.schema().parties());
        StringBuilder sb = new StringBuilder();
        s.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    private static void requireSameSettings(String before, String now) {
        if (before.equals(now)) {
            return;
        }
        List<String> was = List.of(before.split("\n"));
        List<String> is = List.of(now.split("\n"));
        List<String> differences = new ArrayList<>();
        for (String line : is) {
            if (!was.contains(line)) {
                String key = line.substring(0, line.indexOf('='));
                String old = was.stream().filter(l -> l.startsWith(key + "=")).findFirst().orElse(key + "=(none)");
                differences.add(key + " was " + old.substring(key.length() + 1) + ", now " + line.substring(key.length() + 1));
            }
        }
        throw new ResumeMismatchException("cannot resume: this run differs from the interrupted one: "
                + String.join("; ", differences) + " (run without --resume to start over)");
    }

    /** The pipeline's sink: writes results, keeps the totals, checkpoints and reports progress. */
    private final class Recorder implements ScoringPipeline.Sink {
        private final Path outDir;
        private final ScoreWriter writer;
        private final String settings;
        private final long totalBytes;
        private final Consumer<BatchSummary> progress;
        private final long startNanos = System.nanoTime();
        private long items;
        private String lastLocation;
        private long articles;
        private long sentences;
        private long failed;
        private long sentencesThisRun;
        private long position;
        private boolean writing;
        private long lastCheckpoint = System.nanoTime();
        private long lastProgress;

        Recorder(Path outDir, ScoreWriter writer, RunJournal start, long totalBytes, Consumer<BatchSummary> progress) {
            this.outDir = outDir;
            this.writer = writer;
            this.settings = start.settings();
            this.totalBytes = totalBytes;
            this.progress = progress;
            this.items = start.items();
            this.lastLocation = start.lastLocation();
            this.articles = start.articles();
            this.sentences = start.sentences();
            this.failed = start.failed();
        }

        @Override
        public void accept(PipelineResult result) throws IOException {
            writing = true;
            Optional<ArticleInput.Failed> error = result.errorRow();
            if (error.isPresent()) {
                writer.error(error.get());
                failed++;
                lastLocation = error.get().location();
            } else {
                PipelineResult.Scored s = (PipelineResult.Scored) result;
                ArticleScore score = s.score();
                writer.write(score);
                articles++;
                sentences += score.sentences().size();
                sentencesThisRun += score.sentences().size();
                lastLocation = s.location();
            }
            writing = false;
            items++;
            if (result.position() >= 0) {
                position = result.position();
            }
            tick();
        }

        @Override
        public void idle() throws IOException {
            tick();
        }

        private void tick() throws IOException {
            long now = System.nanoTime();
            if (now - lastCheckpoint >= options.checkpointMillis() * 1_000_000L) {
                checkpoint();
            }
            if (now - lastProgress >= 250_000_000L) {
                lastProgress = now;
                progress.accept(summary(false));
            }
        }

        void checkpoint() throws IOException {
            Map<String, Long> lengths = writer.checkpoint();
            new RunJournal(RunJournal.VERSION, settings, items, lastLocation, articles, sentences, failed, lengths)
                    .write(outDir);
            writer.keepPartialFiles();
            lastCheckpoint = System.nanoTime();
        }

        /**
         * After a failure, records what was written completely so that a resume loses nothing;
         * not when the failure struck while an article was half written.
         */
        void checkpointAfterFailure(Throwable failure) {
            if (writing) {
                return;
            }
            try {
                checkpoint();
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }

        BatchSummary summary(boolean complete) {
            long millis = (System.nanoTime() - startNanos) / 1_000_000;
            return new BatchSummary(articles, sentences, failed, millis, sentencesThisRun,
                    complete && totalBytes >= 0 ? totalBytes : position, totalBytes, complete);
        }
    }
}
