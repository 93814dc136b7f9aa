package org.stancekit.inference.write;

/**
 * Neutralises CSV formula injection: a spreadsheet opening a CSV runs a cell that starts with
 * {@code =}, {@code +}, {@code -} or {@code @} (and, in some, a tab or carriage return) as a
 * formula, and a formula can fetch URLs or run commands. News text and article ids come from
 * whoever wrote them, so with {@code score --spreadsheet-safe} such a cell gets a leading
 * apostrophe, which spreadsheets show as text (OWASP's advice). Only the cells that carry input
 * text are touched (ids, sentence text, error locations and reasons); numbers StanceKit writes,
 * negative scores included, stay numbers.
 *
 * <p>It is off by default because it changes the data: an id {@code -17} or a sentence
 * {@code - Kyiv said...} would no longer equal the input, which breaks joins on ids and the
 * byte-for-byte equality that pipelines (and {@code --resume}) rely on. The outputs are read by
 * programs first; whoever opens them in a spreadsheet turns it on.
 */
final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    /** The cell with a leading apostrophe when a spreadsheet would take it for a formula. */
    static String cell(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
