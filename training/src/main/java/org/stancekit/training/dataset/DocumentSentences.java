package org.stancekit.training.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stancekit.text.SentenceSplitter;

/**
 * Splits a corpus document into sentences by StanceKit's own {@link SentenceSplitter} (so labelled
 * sentences are what {@code stancekit score} would see), and tracks the speaker of transcripts.
 *
 * <p>Transcripts mark a new speaker at the start of a paragraph: {@code "Vladimir Putin: …"}
 * (kremlin.ru), {@code "MS. PSAKI: …"} and {@code "Q …"} for a reporter (White House). The tag is
 * taken off the sentence, because a scored news article would not carry it, and is kept as the
 * speaker of that paragraph and the ones after it until the next tag: annotators need it to know
 * whose "we" a sentence speaks.
 */
public final class DocumentSentences {

    /** Upper-case tags ("MS. JEAN-PIERRE:", "THE PRESIDENT:") or a capitalised name of 2–4 words. */
    private static final Pattern SPEAKER = Pattern.compile(
            "^((?:[A-Z][A-Z.'\\-]+ ?){1,5}|[A-Z][a-z]+(?:[ \\-][A-Z][a-z]+){1,3}):\\s+(.*)$");
    private static final Pattern REPORTER = Pattern.compile("^Q\\s+(.*)$");

    private final SentenceSplitter splitter = new SentenceSplitter();

    /** The document's sentences in order, every one of them (filtering is the sampler's job). */
    public List<DocumentSentence> split(CorpusDocument doc) {
        List<DocumentSentence> out = new ArrayList<>();
        String speaker = "";
        for (String line : doc.text().split("\\R")) {
            String paragraph = line.strip();
            if (paragraph.isEmpty()) {
                continue;
            }
            Matcher reporter = REPORTER.matcher(paragraph);
            Matcher named = SPEAKER.matcher(paragraph);
            if (reporter.matches()) {
                speaker = "Q (reporter)";
                paragraph = reporter.group(1);
            } else if (named.matches()) {
                speaker = named.group(1).strip();
                paragraph = named.group(2);
            }
            for (String sentence : splitter.split(paragraph)) {
                out.add(new DocumentSentence(doc.id(), out.size(), sentence, speaker));
            }
        }
        return out;
    }
}
