package org.stancekit.features;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.stancekit.text.Mention;
import org.stancekit.text.PartyLexicon;
import org.stancekit.text.Token;
import org.stancekit.text.Tokenizer;

/**
 * The feature strings of a sentence: what the vocabulary is fitted on, and the reference that
 * {@link FeatureEncoder#encode(String)} reproduces as indices without building the strings.
 *
 * <p>Features of a sentence, in priority order (a sentence longer than
 * {@link FeatureSettings#maxFeatures()} loses the last ones first):
 * <ol>
 *   <li>party markers: {@code @US} when the lexicon finds a US mention, {@code !US} when it finds
 *       none, for every lexicon party;</li>
 *   <li>party context: {@code US>word} for every word within the context window of a US mention,
 *       which lets the same word count differently for different parties ("sanctions" near
 *       Russia, "aid" near Ukraine);</li>
 *   <li>words ({@code w:word}), then word n-grams ({@code b:a b}, {@code t:a b c}).</li>
 * </ol>
 * Each feature appears at most once per sentence (a bag, as fastText averages it).
 */
public final class FeatureStrings {

    private final FeatureSettings settings;
    private final PartyLexicon lexicon;
    private final Tokenizer tokenizer = new Tokenizer();
    private final List<String> lexiconParties;

    /** Feature strings by these settings, with party mentions found by this lexicon. */
    public FeatureStrings(FeatureSettings settings, PartyLexicon lexicon) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.lexiconParties = List.copyOf(new TreeSet<>(lexicon.parties()));
    }

    /** The lexicon's parties in the order their markers come: sorted by name. */
    List<String> parties() {
        return lexiconParties;
    }

    /** The feature strings of a sentence, before a vocabulary filters them. */
    public List<String> of(String sentence) {
        List<Token> tokens = tokenizer.tokenize(sentence);
        List<Mention> mentions = lexicon.find(tokens);
        Set<String> out = new LinkedHashSet<>();
        Set<String> mentioned = new TreeSet<>();
        for (Mention m : mentions) {
            mentioned.add(m.party());
        }
        for (String party : lexiconParties) {
            out.add((mentioned.contains(party) ? "@" : "!") + party);
        }
        int window = settings.contextWindow();
        if (window > 0) {
            for (Mention m : mentions) {
                int from = Math.max(0, m.start() - window);
                int to = Math.min(tokens.size(), m.end() + window);
                for (int i = from; i < to; i++) {
                    if (i < m.start() || i >= m.end()) {
                        out.add(m.party() + ">" + tokens.get(i).form());
                    }
                }
            }
        }
        for (Token t : tokens) {
            out.add("w:" + t.form());
        }
        if (settings.ngrams() >= 2) {
            for (int i = 0; i + 1 < tokens.size(); i++) {
                out.add("b:" + tokens.get(i).form() + " " + tokens.get(i + 1).form());
            }
        }
        if (settings.ngrams() >= 3) {
            for (int i = 0; i + 2 < tokens.size(); i++) {
                out.add("t:" + tokens.get(i).form() + " " + tokens.get(i + 1).form() + " " + tokens.get(i + 2).form());
            }
        }
        for (Token t : tokens) {
            out.addAll(charNgrams(t.form(), settings.charNgrams()));
        }
        return new ArrayList<>(out);
    }

    /**
     * The character n-gram features ({@code c:gram}) of a word: every n-gram of length 3 to
     * {@code longest} of {@code <word>}, shortest first, left to right; none when {@code longest}
     * is 0.
     */
    static List<String> charNgrams(String form, int longest) {
        if (longest == 0) {
            return List.of();
        }
        String marked = "<" + form + ">";
        List<String> grams = new ArrayList<>();
        for (int n = 3; n <= longest; n++) {
            for (int i = 0; i + n <= marked.length(); i++) {
                grams.add("c:" + marked.substring(i, i + n));
            }
        }
        return grams;
    }
}
