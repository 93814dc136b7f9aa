package org.stancekit.spark.score;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.stancekit.inference.pipeline.PipelineInput;
import org.stancekit.inference.pipeline.PipelineResult;
import org.stancekit.inference.pipeline.ScoringPipeline;

/**
 * Runs one {@link ScoringPipeline} over a whole partition and hands its results on as an
 * iterator, as a Spark task consumes its output: the task thread reads the partition's input
 * and turns results into rows, the pipeline's own threads split, encode and run the network in
 * between. One pipeline run per partition means the same windows and batches as {@code stancekit
 * score} over the same articles in the same order (so the same floating-point sums: the rows are
 * byte-identical), and memory bounded by the pipeline's queues and two small hand-over queues
 * whatever the partition's size.
 *
 * <p>Only the task thread touches the partition's input iterator (Spark's iterators belong to
 * their task); the pipeline's reader thread takes the inputs from a queue. A failure in the
 * pipeline is rethrown on the task thread and fails the task, which Spark retries; {@link #close()}
 * (called when the task ends, however it ends) stops the pipeline's threads.
 */
final class PipelineIterator<T> implements Iterator<T>, AutoCloseable {

    /** How long the task thread waits on a full or empty queue before looking at the other. */
    private static final long POLL_MILLIS = 5;

    /** The end of the inputs, on the input queue. */
    private static final PipelineInput END = new PipelineInput(null, -1);

    private final Iterator<PipelineInput> inputs;
    private final Function<PipelineResult, List<T>> rows;
    private final ScoringPipeline pipeline;
    private final BlockingQueue<PipelineInput> toPipeline = new ArrayBlockingQueue<>(256);
    private final BlockingQueue<Object> fromPipeline = new ArrayBlockingQueue<>(256);
    private final ArrayDeque<T> ready = new ArrayDeque<>();
    private final Thread runner;
    private PipelineInput next;
    private boolean inputsDone;
    private boolean finished;

    /** The end of the results, on the result queue. */
    private static final Object DONE = new Object();

    PipelineIterator(ScoringPipeline pipeline, Iterator<PipelineInput> inputs, Function<PipelineResult, List<T>> rows) {
        this.pipeline = pipeline;
        this.inputs = inputs;
        this.rows = rows;
        this.runner = new Thread(this::run, "stancekit-spark-scorer");
        runner.setDaemon(true);
        runner.start();
    }

    /** The pipeline's run, on its own thread: inputs from one queue, results to the other. */
    private void run() {
        Object outcome = DONE;
        try {
            pipeline.run(emit -> {
                try {
                    for (PipelineInput in = toPipeline.take(); in != END; in = toPipeline.take()) {
                        emit.accept(in);
                    }
                } catch (InterruptedException e) {
                    throw new InterruptedIOException("the task ended");
                }
            }, result -> put(result));
        } catch (IOException | RuntimeException | Error e) {
            outcome = e;
        }
        try {
            fromPipeline.put(outcome);
        } catch (InterruptedException e) {
            // The task ended and nobody reads the results any more.
        }
    }

    private void put(Object result) throws InterruptedIOException {
        try {
            fromPipeline.put(result);
        } catch (InterruptedException e) {
            throw new InterruptedIOException("the task ended");
        }
    }

    @Override
    public boolean hasNext() {
        try {
            while (ready.isEmpty() && !finished) {
                Object result = fromPipeline.poll();
                if (result != null) {
                    take(result);
                } else if (!inputsDone) {
                    feed();
                } else {
                    result = fromPipeline.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (result != null) {
                        take(result);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new UncheckedIOException(new InterruptedIOException("scoring interrupted"));
        }
        return !ready.isEmpty();
    }

    /** Moves one input to the pipeline, or the end when there are no more; waits briefly when it is full. */
    private void feed() throws InterruptedException {
        if (next == null) {
            next = inputs.hasNext() ? inputs.next() : END;
        }
        if (toPipeline.offer(next, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            inputsDone = next == END;
            next = null;
        }
    }

    private void take(Object result) {
        if (result == DONE) {
            finished = true;
        } else if (result instanceof PipelineResult r) {
            ready.addAll(rows.apply(r));
        } else {
            close();
            if (result instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            if (result instanceof RuntimeException re) {
                throw re;
            }
            throw (Error) result;
        }
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    /** Stops the pipeline and its threads (a task that ends early, fails or is killed). */
    @Override
    public void close() {
        pipeline.stop();
        runner.interrupt();
    }
}
