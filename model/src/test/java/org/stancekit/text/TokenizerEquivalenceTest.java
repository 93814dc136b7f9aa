package org.stancekit.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.opencsv.CSVReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written normaliser and tokeniser against the regular expressions they replaced
 * ({@link ReferenceText}): character for character on every BMP code point in several contexts,
 * on a sample of the supplementary planes, on generated text full of the awkward cases, and on
 * every sentence of the labelled and auxiliary data. Bundles trained before the change must
 * keep predicting exactly as before.
 */
class TokenizerEquivalenceTest {

    private final Tokenizer tokenizer = new Tokenizer();

    @Test
    void everyBmpCodePointInContext() {
        for (int cp = 0; cp <= 0xFFFF; cp++) {
            check(contexts(cp));
        }
    }

    @Test
    void aSampleOfTheSupplementaryPlanes() {
        for (int cp = 0x10000; cp <= 0x10FFFF; cp += 13) {
            check(contexts(cp));
        }
    }

    @Test
    void generatedText() {
        String[] alphabet = {"a", "Z", "U", "S", "K", "é", "ß", "İ", "ǅ", "ʰ", "ж", "Ї", "中", "1", "٣", "²", "½", "Ⅻ",
            ".", ",", "'", "-", "!", "?", "\"", "`", "’", "“", "”", "«", "»", "—", "–", "−", "…", " ", "  ", "\t", "\n",
            "\r", "\u000B", "\f", "\u00A0", "\u2009", "\u0001", "\u0301", "ﬁ", "𝐀", "𝟙", "𠀀", "😀", "\uD800", "\uDC00",
            "U.S.", "U.K.", "E.U.", "A.B.C.", "(", ")", "_", "'s", "'S", "3.5", "1,000", "x-ray", "don't", "@", "#"};
        Random random = new Random(20_260_101L);
        for (int n = 0; n < 30_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = 1 + random.nextInt(24);
            for (int k = 0; k < length; k++) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            check(List.of(sb.toString()));
        }
    }

    @Test
    void everySentenceOfTheData() throws Exception {
        List<String> texts = new ArrayList<>();
        for (String file : List.of("labelled/sentences.csv", "auxiliary/newsmtsc-party-stance.csv",
                "auxiliary/nyt-editorial-sentiment.csv")) {
            texts.addAll(column(Path.of("..", "datasets").resolve(file), "text"));
        }
        for (Path article : List.of(Path.of("..", "datasets", "articles").toFile().listFiles()).stream()
                .map(java.io.File::toPath).toList()) {
            texts.add(Files.readString(article));
        }
        check(texts);
        assertEquals(true, texts.size() > 10_000, "the data was found: " + texts.size());
    }

    private void check(List<String> texts) {
        for (String text : texts) {
            assertEquals(ReferenceText.normalize(text), Normalizer.normalize(text), () -> "normalize " + escape(text));
            assertEquals(ReferenceText.tokenize(text), tokenizer.tokenize(text), () -> "tokenize " + escape(text));
        }
    }

    private static List<String> contexts(int cp) {
        String c = new String(Character.toChars(cp));
        return List.of(c, "a" + c + "b", "1" + c + "2", "x'" + c + "-y", "U." + c + ".", c + c + " 7," + c);
    }

    static List<String> column(Path csv, String name) throws IOException, com.opencsv.exceptions.CsvValidationException {
        try (CSVReader r = new CSVReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            String[] header = r.readNext();
            int index = List.of(header).indexOf(name);
            List<String> values = new ArrayList<>();
            for (String[] row : r) {
                values.add(row[index]);
            }
            return values;
        }
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> sb.append(cp < 0x80 && cp >= 0x20 ? Character.toString(cp) : String.format("\\u{%X}", cp)));
        return sb.toString();
    }
}
