package org.stancekit.transformer;

/**
 * One sentence as the transformer reads it: its word-piece ids and, per party, the tokens where the
 * party lexicon finds the party named. Computed from the sentence alone, so a sentence's input (and
 * so its scores) never depends on the sentences batched with it.
 *
 * @param ids word-piece ids, {@code [CLS] … [SEP]}
 * @param mentions per party (schema order), the indices of the tokens inside its mentions (may be empty)
 */
public record SentenceTokens(int[] ids, int[][] mentions) {
    /** Number of tokens. */
    public int length() {
        return ids.length;
    }

    /** Whether the lexicon found party {@code k} named. */
    public boolean names(int k) {
        return mentions[k].length > 0;
    }
}
