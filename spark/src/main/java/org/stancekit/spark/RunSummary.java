package org.stancekit.spark;

/**
 * What a run wrote.
 *
 * @param articles articles scored (rows of the article output)
 * @param sentences sentences scored
 * @param failed inputs that could not be scored (rows of the errors output)
 * @param millis wall time from reading to the last output committed
 */
public record RunSummary(long articles, long sentences, long failed, long millis) {

    /** Sentences per second of wall time. */
    public double sentencesPerSecond() {
        return millis == 0 ? 0 : sentences * 1000.0 / millis;
    }
}
