package org.stancekit.inference.batch;

/**
 * What a batch run did, or has done so far (progress reports carry the same figures).
 *
 * @param articles articles scored, including those an interrupted run scored before a resume
 * @param sentences sentences scored, likewise
 * @param failed inputs listed in {@code errors.csv} (or {@code errors.jsonl}), likewise
 * @param millis wall time of this run
 * @param sentencesThisRun sentences scored by this run alone (for its speed)
 * @param bytesDone how far through the input files the written results reach, in bytes
 * @param bytesTotal size of the input files, or -1 when unknown (standard input)
 * @param complete true once every input is written and the files are in place; false in
 *                 progress reports and after a stop
 */
public record BatchSummary(long articles, long sentences, long failed, long millis, long sentencesThisRun,
                           long bytesDone, long bytesTotal, boolean complete) {

    /** Sentences per second of this run. */
    public double sentencesPerSecond() {
        return millis == 0 ? 0 : sentencesThisRun * 1000.0 / millis;
    }

    /** Fraction of the input done, in [0, 1], or -1 when the input size is unknown. */
    public double fractionDone() {
        if (bytesTotal <= 0) {
            return bytesTotal == 0 ? 1.0 : -1;
        }
        return Math.min(1.0, Math.max(0.0, (double) bytesDone / bytesTotal));
    }
}
