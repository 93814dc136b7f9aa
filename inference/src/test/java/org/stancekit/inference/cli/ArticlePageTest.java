package org.stancekit.inference.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.inference.batch.BatchOptions;
import org.stancekit.inference.batch.BatchScorer;
import org.stancekit.inference.batch.BatchSummary;
import org.stancekit.inference.write.OutputFormat;
import org.stancekit.inference.Scorer;
import org.stancekit.inference.TestModel;
import org.stancekit.runtime.ExitCodes;

/** {@code score --html}: articles.html as a headless browser (HtmlUnit, scripts on) reads it. */
class ArticlePageTest {

    static final List<String> PARTIES = List.of("us", "ukraine", "russia", "europe");
    static final String INJECTED = "<script>alert('owned')</script><img src=x onerror=alert(2)>";
    static final ObjectMapper JSON = new ObjectMapper();

    static Path jsonl(Path file, List<Map<String, String>> articles) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Map<String, String> a : articles) {
            sb.append(JSON.writeValueAsString(a)).append('\n');
        }
        return Files.writeString(file, sb.toString());
    }

    static List<String[]> read(Path csv) throws Exception {
        try (CSVReader r = new CSVReader(Files.newBufferedReader(csv))) {
            return r.readAll();
        }
    }

    /** HtmlUnit's selector queries, scoped to the node they start from. */
    static List<DomNode> all(DomNode node, String selector) {
        return node.querySelectorAll(selector, node);
    }

    static DomNode one(DomNode node, String selector) {
        return node.querySelector(selector, node);
    }

    /** The page loaded in a headless browser with scripts enabled, and every alert a script raised. */
    record Loaded(HtmlPage page, List<String> alerts) {
    }

    static Loaded load(WebClient browser, Path html) throws Exception {
        List<String> alerts = new ArrayList<>();
        browser.getOptions().setJavaScriptEnabled(true);
        browser.setAlertHandler((p, message) -> alerts.add(message));
        return new Loaded(browser.getPage(html.toUri().toURL()), alerts);
    }

    @Test
    void thePageShowsEachArticlesRollUpAndStanceChipsAndShowsMarkupAsText(@TempDir Path dir) throws Exception {
        String evilId = "id<b>\"&'";
        Path in = jsonl(dir.resolve("in.jsonl"), List.of(
                Map.of("id", evilId, "text", INJECTED + " Russia shelled Kharkiv. The EU helped Ukraine."),
                Map.of("id", "plain", "text", "Washington sanctioned Moscow. Kyiv thanked Brussels.")));
        Path out = dir.resolve("out");
        assertEquals(ExitCodes.OK, InferenceCli.run("score", in.toString(), "--out", out.toString(), "--model", "fast", "--html"));
        assertFalse(Files.exists(out.resolve(".articles.html.partial")), "renamed into place");
        List<String[]> articles = read(out.resolve("articles.csv"));
        List<String[]> sentences = read(out.resolve("sentences.csv"));
        List<String> articleHeader = List.of(articles.get(0));
        List<String> sentenceHeader = List.of(sentences.get(0));

        try (WebClient browser = new WebClient()) {
            Loaded loaded = load(browser, out.resolve("articles.html"));
            HtmlPage page = loaded.page();
            assertEquals(List.of(), loaded.alerts(), "no script ran");
            assertEquals(0, page.getElementsByTagName("script").getLength(), "no script element came from the input");
            assertEquals(0, page.getElementsByTagName("img").getLength(), "nor any other element");

            List<DomNode> sections = all(page, "section.article");
            assertEquals(2, sections.size());
            for (int i = 0; i < 2; i++) {
                String[] row = articles.get(i + 1);
                DomNode section = sections.get(i);
                assertEquals(row[0], one(section, "h2 .id").getTextContent(), "the article id, as text");
                assertEquals(row[0], ((DomElement) section).getAttribute("data-article-id"));
                assertEquals(row[articleHeader.indexOf("sentiment")], one(section, ".article-sentiment").getTextContent());
                assertEquals(row[articleHeader.indexOf("sentiment_score")], one(section, ".sentiment-score").getTextContent());
                for (String party : PARTIES) {
                    DomNode tr = one(section, "table.rollup tr[data-party='" + party + "']");
                    assertEquals(row[articleHeader.indexOf(party + "_stance")], one(tr, ".stance").getTextContent(), party);
                    assertEquals(row[articleHeader.indexOf(party + "_score")], one(tr, ".score").getTextContent(), party);
                    assertEquals(row[articleHeader.indexOf(party + "_mentions")], one(tr, ".mentions").getTextContent(), party);
                    assertEquals(row[articleHeader.indexOf(party + "_confidence")], one(tr, ".confidence").getTextContent(), party);
                    for (DomNode link : all(tr, ".drivers a")) {
                        // Each driver links to its sentence, whose chip for the party shows the article's stance.
                        String target = ((DomElement) link).getAttribute("href").substring(1);
                        DomNode sentence = one(section, "li.sentence[id='" + target + "']");
                        assertEquals("chip " + row[articleHeader.indexOf(party + "_stance")].toLowerCase(Locale.ROOT),
                                ((DomElement) one(sentence, ".chip[data-party='" + party + "']")).getAttribute("class"));
                    }
                }
                assertEquals(Integer.parseInt(row[1]), all(section, "li.sentence").size(), "every sentence");
            }
            assertEquals(evilId, one(sections.get(0), "h2 .id").getTextContent());

            String[] injected = sentences.stream().filter(r -> r[2].contains("<script>")).findFirst().orElseThrow();
            DomNode li = all(sections.get(0), "li.sentence").get(Integer.parseInt(injected[1]));
            assertEquals(injected[2], one(li, ".text").getTextContent(), "the markup is shown as text");
            assertTrue(page.asNormalizedText().contains("<script>alert('owned')</script>"), "and a reader sees it");
            for (String party : PARTIES) {
                DomElement chip = (DomElement) one(li, ".chip[data-party='" + party + "']");
                String stance = injected[sentenceHeader.indexOf(party + "_stance")];
                assertEquals("chip " + stance.toLowerCase(Locale.ROOT), chip.getAttribute("class"), party);
                String probability = String.format(Locale.ROOT, "%.2f", Double.parseDouble(
                        injected[sentenceHeader.indexOf(party + "_p_" + stance.toLowerCase(Locale.ROOT))]));
                assertTrue(chip.getAttribute("title").contains(": " + stance + " (") && chip.getAttribute("title")
                        .contains(stance + " " + probability), chip.getAttribute("title"));
            }
            assertEquals("All 2 articles scored.", one(page, ".summary").getTextContent());
        }
    }

    @Test
    void aLongRunShowsTheFirstArticlesAndSaysHowManyAreLeftOut(@TempDir Path dir) throws Exception {
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 203; i++) {
            many.add(Map.of("id", "n" + i, "text", "Kyiv said " + i + " drones were shot down."));
        }
        Path out = dir.resolve("out");
        assertEquals(ExitCodes.OK, InferenceCli.run("score", jsonl(dir.resolve("in.jsonl"), many).toString(),
                "--out", out.toString(), "--model", "fast", "--html", "--format", "jsonl"));
        try (WebClient browser = new WebClient()) {
            HtmlPage page = load(browser, out.resolve("articles.html")).page();
            List<DomNode> sections = all(page, "section.article");
            assertEquals(200, sections.size());
            assertEquals("n199", ((DomElement) sections.get(199)).getAttribute("data-article-id"));
            assertEquals("Showing the first 200 of 203 articles scored; the other 3 are in the articles and sentences "
                    + "files, not on this page.", one(page, ".summary").getTextContent());
        }
    }

    @Test
    void aStoppedRunResumesThePageAndAResumeWithoutTheSamePageOptionIsRefused(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < 60; i++) {
            Files.writeString(in.resolve(String.format(Locale.ROOT, "a%03d.txt", i)),
                    "Article " + i + ". Kyiv said the talks went well. Moscow disagreed.");
        }
        Path clean = dir.resolve("clean");
        Path out = dir.resolve("out");
        assertEquals(ExitCodes.OK, InferenceCli.run("score", in.toString(), "--out", clean.toString(), "--model", "fast", "--html"));

        // Stopped at the first result, as the Ctrl-C hook does.
        BatchScorer first = new BatchScorer(new Scorer(TestModel.bundle()), BatchOptions.defaults().withHtml(true));
        BatchSummary stopped = first.run(List.of(in), out, OutputFormat.CSV, s -> first.stop());
        assertFalse(stopped.complete());
        assertTrue(stopped.articles() > 0 && stopped.articles() < 60, "stopped midway: " + stopped.articles());
        assertTrue(Files.readString(out.resolve(".articles.html.partial")).contains("data-article-id=\"a000\""),
                "the page so far stays as a temporary file");
        assertFalse(Files.exists(out.resolve("articles.html")));
        assertEquals(ExitCodes.USAGE, InferenceCli.run("score", in.toString(), "--out", out.toString(), "--resume",
                "--model", "fast"), "a run with the page is not continued without it");

        assertEquals(ExitCodes.OK, InferenceCli.run("score", in.toString(), "--out", out.toString(), "--resume",
                "--model", "fast", "--html"));
        try (WebClient browser = new WebClient()) {
            HtmlPage expected = load(browser, clean.resolve("articles.html")).page();
            HtmlPage resumed = load(browser, out.resolve("articles.html")).page();
            assertEquals(ids(expected), ids(resumed), "every article once, in input order");
            assertEquals(60, ids(resumed).size());
            assertEquals(1, all(resumed, "header").size(), "one head");
            assertEquals("All 60 articles scored.", one(resumed, ".summary").getTextContent());
            assertEquals(chips(expected), chips(resumed));
        }
    }

    static List<String> ids(HtmlPage page) {
        return all(page, "section.article").stream().map(n -> ((DomElement) n).getAttribute("data-article-id")).toList();
    }

    static List<String> chips(HtmlPage page) {
        return all(page, ".chip[data-party]").stream().map(n -> ((DomElement) n).getAttribute("class")).toList();
    }

    @Test
    void htmlDoesNotApplyToText() {
        assertEquals(ExitCodes.USAGE, InferenceCli.run("score", "--text", "Kyiv said.", "--html", "--model", "fast"));
    }
}
