package org.stancekit.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
