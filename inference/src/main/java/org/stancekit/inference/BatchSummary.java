package org.stancekit.inference;

/**
 * What a batch run did.
 *
 * @param articles articles scored
 * @param sentences sentences scored
 * @param failed inputs listed in {@code errors.csv}
 * @param millis wall time
 */
public record BatchSummary(long articles, long sentences, long failed, long millis) {

    /** Sentences per second over the whole run. */
    public double sentencesPerSecond() {
        return millis == 0 ? 0 : sentences * 1000.0 / millis;
    }
}
