package org.stancekit.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * Aliases of each party ("Kyiv", "Zelenskyy", "the Kremlin", "Starmer"), read from a
 * tab-separated resource with lines {@code PARTY<TAB>alias}. The lexicon is a feature source:
 * it marks where a party is named so that the encoder can build party-specific features. It never
 * decides a label, because a mention says nothing about stance and implicit references have no
 * alias.
 *
 * <p>Aliases are tokenised like sentences, so matching is on feature forms: case-insensitive for
 * words, case-sensitive for acronyms ("US" matches, the pronoun "us" does not).
 */
public final class PartyLexicon {

    /** Class-path location of the lexicon that ships with StanceKit. */
    public static final String DEFAULT_RESOURCE = "/org/stancekit/text/party-lexicon.tsv";

    /** One alias of one party, as feature forms. */
    private record Alias(String party, List<String> forms) {
    }

    private final Set<String> parties;
    /** Aliases indexed by their first form, longest first, so that matching costs one lookup a token. */
    private final Map<String, List<Alias>> byFirstForm;
    private final String source;

    private PartyLexicon(Map<String, List<List<String>>> aliasesByParty, String source) {
        this.parties = Set.copyOf(aliasesByParty.keySet());
        this.source = source;
        Map<String, List<Alias>> index = new HashMap<>();
        aliasesByParty.forEach((party, aliases) -> aliases.forEach(forms ->
                index.computeIfAbsent(forms.get(0), f -> new ArrayList<>()).add(new Alias(party, forms))));
        index.values().forEach(list -> list.sort(Comparator.comparingInt((Alias a) -> -a.forms().size())));
        this.byFirstForm = index;
    }

    /** The lexicon that ships with StanceKit. */
    public static PartyLexicon loadDefault() {
        try (InputStream in = PartyLexicon.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            Objects.requireNonNull(in, "missing resource " + DEFAULT_RESOURCE);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses lexicon text. {@code origin} names the file in error messages.
     *
     * @throws IllegalArgumentException naming the line of a malformed entry
     */
    public static PartyLexicon parse(String text, String origin) {
        Tokenizer tokenizer = new Tokenizer();
        Map<String, List<List<String>>> aliases = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new IllegalArgumentException(origin + ":" + number
                            + ": expected PARTY<TAB>alias, got '" + line + "'");
                }
                List<String> forms = tokenizer.tokenize(parts[1]).stream().map(Token::form).toList();
                if (forms.isEmpty()) {
                    throw new IllegalArgumentException(origin + ":" + number + ": alias '" + parts[1] + "' has no words");
                }
                aliases.computeIfAbsent(parts[0].strip(), p -> new ArrayList<>()).add(forms);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PartyLexicon(aliases, text);
    }

    /** Reads a lexicon from a reader (used for the copy stored in a model bundle). */
    public static PartyLexicon read(Reader reader, String origin) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = reader.read(buf)) > 0) {
            sb.append(buf, 0, n);
        }
        return parse(sb.toString(), origin);
    }

    /** The lexicon's text, as it was parsed; a bundle stores it verbatim. */
    public String text() {
        return source;
    }

    /** The parties the lexicon knows. */
    public Set<String> parties() {
        return parties;
    }

    /**
     * Finds party mentions in a token list, left to right, the longest alias at each position,
     * without overlaps.
     */
    public List<Mention> find(List<Token> tokens) {
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Mention best = null;
            // Most tokens start no alias: look up without an iterator (scoring calls this for every sentence).
            List<Alias> candidates = byFirstForm.get(tokens.get(i).form());
            for (int a = 0; candidates != null && a < candidates.size(); a++) {
                Alias alias = candidates.get(a);
                if (matches(tokens, i, alias.forms())) {
                    best = new Mention(alias.party(), i, i + alias.forms().size());
                    break;
                }
            }
            if (best != null) {
                mentions.add(best);
                i = best.end();
            } else {
                i++;
            }
        }
        return mentions;
    }

    /** Every form of every alias (the words a mention can consist of). */
    public Set<String> forms() {
        Set<String> forms = new TreeSet<>();
        byFirstForm.values().forEach(aliases -> aliases.forEach(a -> forms.addAll(a.forms())));
        return forms;
    }

    /**
     * This lexicon over word numbers, for callers that number their tokens' forms anyway:
     * {@code number} gives every form of {@link #forms()} a distinct number from 0 up, and parties
     * are numbered by their place in {@code partyOrder}.
     */
    public NumberedMatcher numbered(ToIntFunction<String> number, List<String> partyOrder) {
        int size = 0;
        for (String form : forms()) {
            int w = number.applyAsInt(form);
            if (w < 0) {
                throw new IllegalArgumentException("alias form '" + form + "' has no number");
            }
            size = Math.max(size, w + 1);
        }
        int[][][] byFirst = new int[size][][];
        byFirstForm.forEach((first, aliases) -> {
            int[][] numbered = new int[aliases.size()][];
            for (int a = 0; a < numbered.length; a++) {
                Alias alias = aliases.get(a);
                int[] entry = new int[alias.forms().size() + 1];
                entry[0] = partyOrder.indexOf(alias.party());
                for (int k = 0; k < alias.forms().size(); k++) {
                    entry[k + 1] = number.applyAsInt(alias.forms().get(k));
                }
                numbered[a] = entry;
            }
            byFirst[number.applyAsInt(first)] = numbered;
        });
        return new NumberedMatcher(byFirst);
    }

    /**
     * {@link #find} over word numbers: the same mentions, found with array reads instead of a
     * hash lookup and string comparisons per token. Safe to share between threads.
     */
    public static final class NumberedMatcher {
        /** Per first form's number, its aliases longest first, each {party, form numbers...}. */
        private final int[][][] byFirst;

        private NumberedMatcher(int[][][] byFirst) {
            this.byFirst = byFirst;
        }

        /**
         * Finds the mentions among the first {@code n} word numbers ({@code -1} for a form that
         * has none), as {@link #find} does, and writes the k-th one's party number, first token
         * and end into {@code party[k]}, {@code start[k]} and {@code end[k]} (each needs room
         * for {@code n}).
         *
         * @return how many mentions were found
         */
        public int find(int[] words, int n, int[] party, int[] start, int[] end) {
            int found = 0;
            int i = 0;
            while (i < n) {
                int w = words[i];
                int[][] candidates = w >= 0 && w < byFirst.length ? byFirst[w] : null;
                int length = 0;
                for (int a = 0; candidates != null && a < candidates.length && length == 0; a++) {
                    if (matches(words, n, i, candidates[a])) {
                        length = candidates[a].length - 1;
                        party[found] = candidates[a][0];
                        start[found] = i;
                        end[found] = i + length;
                        found++;
                    }
                }
                i += Math.max(1, length);
            }
            return found;
        }

        private static boolean matches(int[] words, int n, int at, int[] alias) {
            if (at + alias.length - 1 > n) {
                return false;
            }
            for (int k = 1; k < alias.length; k++) {
                if (words[at + k - 1] != alias[k]) {
                    return false;
                }
            }
            return true;
        }
    }

    private boolean matches(List<Token> tokens, int at, List<String> alias) {
        if (at + alias.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < alias.size(); k++) {
            if (!tokens.get(at + k).form().equals(alias.get(k))) {
                return false;
            }
        }
        return true;
    }
}
