package org.stancekit.spark.score;

import java.util.Iterator;
import java.util.Locale;
import org.apache.spark.TaskContext;

/**
 * A deliberate task failure, to test that Spark's retries leave exactly one result per article:
 * when the job's local property {@value #PROPERTY} is {@code PARTITION:ROWS}, the first attempt
 * of that partition's scoring task fails after handing on {@code ROWS} rows, part of its output
 * already written; the retry succeeds. Set it with
 * {@code spark.sparkContext().setLocalProperty(FaultInjection.PROPERTY, "0:5")} (tests only; it
 * is off unless set).
 */
public final class FaultInjection {

    /** The local property that arms the failure. */
    public static final String PROPERTY = "stancekit.test.failFirstAttempt";

    private FaultInjection() {
    }

    /** {@code rows}, failing as the property asks when this task is the one to fail. */
    static <T> Iterator<T> wrap(Iterator<T> rows, TaskContext task) {
        String armed = task == null ? null : task.getLocalProperty(PROPERTY);
        if (armed == null || task.attemptNumber() > 0) {
            return rows;
        }
        String[] parts = armed.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException(PROPERTY + " must be PARTITION:ROWS, got '" + armed + "'");
        }
        if (Integer.parseInt(parts[0].strip()) != task.partitionId()) {
            return rows;
        }
        long failAfter = Long.parseLong(parts[1].strip());
        return new Iterator<>() {
            private long handed;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public T next() {
                if (handed == failAfter) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "injected failure (%s): partition %d, attempt %d, after %d rows",
                            PROPERTY, task.partitionId(), task.attemptNumber(), handed));
                }
                handed++;
                return rows.next();
            }
        };
    }
}
