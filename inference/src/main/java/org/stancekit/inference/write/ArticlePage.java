package org.stancekit.inference.write;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.stancekit.inference.aggregate.ArticleScore;
import org.stancekit.inference.aggregate.PartyScore;
import org.stancekit.inference.aggregate.SentenceScore;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.LabelSchema;

/**
 * {@code articles.html}: one self-contained page (inline CSS, no scripts, no external resources)
 * that shows the scored articles for a person to read: per article its id, the roll-up per party
 * (stance, score, mentions, confidence) and the sentiment, and every sentence with one coloured
 * chip per party (FAVOR green, AGAINST red, NEUTRAL grey, NONE faint; the probabilities in the
 * chip's tooltip) and its sentiment.
 *
 * <p>The page is written as the articles come, like the other outputs, and holds nothing in
 * memory but two counts: the first {@code limit} articles are shown, the rest only counted, and
 * the closing note says how many were left out. Everything from the input (ids, sentences) is
 * escaped, so an article holding markup shows it as text. Numbers are written as in
 * {@code articles.csv}. A resumed run continues the page: its articles so far are known from the
 * run's progress record.
 */
final class ArticlePage {

    /** Articles shown at most: a page of a few hundred articles still opens at once in a browser. */
    static final int DEFAULT_LIMIT = 200;

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1d2329}
            header{background:#1d2329;color:#fff;padding:12px 24px}
            header h1{font-size:18px;margin:0 0 4px}
            .legend{font-size:12px;color:#cfd6dd}
            main{display:flex;flex-direction:column;gap:16px;padding:16px 24px;max-width:1100px}
            .summary{order:-1;margin:0;color:#52606d}
            .article{background:#fff;border:1px solid #dde2e7;border-radius:8px;padding:12px 16px}
            .article h2{font-size:16px;margin:0 0 8px;display:flex;gap:12px;align-items:baseline;flex-wrap:wrap}
            .article h2 .id{font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
            .meta{font-size:13px;font-weight:normal;color:#52606d}
            table.rollup{border-collapse:collapse;margin:0 0 10px;font-size:13px}
            .rollup th,.rollup td{padding:2px 12px 2px 0;text-align:left}
            .rollup td.num{text-align:right;font-variant-numeric:tabular-nums}
            .rollup thead th{color:#52606d;font-weight:600;border-bottom:1px solid #dde2e7}
            ol.sentences{margin:0;padding-left:2.4em}
            .sentence{margin:3px 0}
            .chips{display:inline-flex;gap:3px;margin-right:8px;vertical-align:1px}
            .chip,.senti,.stance{display:inline-block;border-radius:4px;font-size:11px;padding:0 4px;border:1px solid transparent}
            .chip{min-width:4.4em;text-align:center}
            .favor{background:#d6f0d8;color:#1b5e20;border-color:#8fcf95}
            .against{background:#fbd9d7;color:#8e1b13;border-color:#ee9b95}
            .neutral{background:#e4e7eb;color:#3e4c59;border-color:#bcc4cc}
            .none{background:transparent;color:#b8c0c8;border:1px dashed #d5dadf}
            .positive{background:#d7ecfb;color:#0b4f7c;border-color:#93c6ea}
            .negative{background:#f9e1c8;color:#7a3e05;border-color:#e9b27b}
            .senti{margin-left:6px}
            .text{overflow-wrap:anywhere}
            """;

    private final Writer out;
    private final List<String> parties;
    private final int limit;
    private long shown;
    private long total;

    /**
     * A page over {@code out} that already shows {@code articlesBefore} articles (0 for a new page,
     * the run's article count when resuming; the page then continues where it was cut).
     */
    ArticlePage(Writer out, LabelSchema schema, int limit, long articlesBefore) {
        this.out = out;
        this.parties = schema.parties();
        this.limit = limit;
        this.total = articlesBefore;
        this.shown = Math.min(limit, articlesBefore);
    }

    /** The head of the page, up to the first article. */
    void begin() throws IOException {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>StanceKit: scored articles</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<header><h1>StanceKit: scored articles</h1><div class=\"legend\">Stance per party: ");
        for (String label : List.of(LabelSchema.FAVOR, LabelSchema.AGAINST, LabelSchema.NEUTRAL, LabelSchema.NONE)) {
            h.append("<span class=\"chip ").append(css(label)).append("\">").append(label).append("</span> ");
        }
        h.append("&#183; hover a chip for its probabilities</div></header>\n<main>\n");
        out.write(h.toString());
    }

    /** Adds an article: shown while under the limit, counted after. */
    void add(ArticleScore a) throws IOException {
        total++;
        if (shown >= limit) {
            return;
        }
        shown++;
        StringBuilder h = new StringBuilder(2048);
        h.append("<section class=\"article\" id=\"article-").append(shown).append("\" data-article-id=\"")
                .append(escape(a.articleId())).append("\">\n<h2><span class=\"id\">").append(escape(a.articleId()))
                .append("</span><span class=\"meta\">").append(Counts.of(a.sentences().size(), "sentence"))
                .append(" &#183; sentiment <span class=\"stance article-sentiment ").append(css(a.sentiment())).append("\">")
                .append(escape(a.sentiment())).append("</span> <span class=\"sentiment-score\">")
                .append(OutputColumns.fixed4(a.sentimentScore())).append("</span></span></h2>\n");
        h.append("<table class=\"rollup\"><thead><tr><th>party</th><th>stance</th><th>score</th><th>mentions</th>"
                + "<th>confidence</th><th>driven by sentences</th></tr></thead><tbody>\n");
        for (int k = 0; k < a.parties().size(); k++) {
            PartyScore p = a.parties().get(k);
            h.append("<tr data-party=\"").append(escape(LabelSchema.column(p.party()))).append("\"><th>")
                    .append(escape(ScoreTable.displayName(p.party()))).append("</th><td><span class=\"stance ")
                    .append(css(p.stance())).append("\">").append(escape(p.stance())).append("</span></td><td class=\"num score\">")
                    .append(OutputColumns.fixed4(p.score())).append("</td><td class=\"num mentions\">").append(p.mentions())
                    .append("</td><td class=\"num confidence\">").append(OutputColumns.fixed4(p.confidence()))
                    .append("</td><td class=\"drivers\">");
            for (SentenceScore d : a.drivers(k, ScoreTable.DRIVERS)) {
                h.append("<a href=\"#article-").append(shown).append("-s").append(d.index() + 1).append("\">")
                        .append(d.index() + 1).append("</a> ");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n<ol class=\"sentences\">\n");
        for (SentenceScore s : a.sentences()) {
            h.append("<li class=\"sentence\" id=\"article-").append(shown).append("-s").append(s.index() + 1)
                    .append("\" data-index=\"").append(s.index()).append("\"><span class=\"chips\">");
            for (int p = 0; p < parties.size(); p++) {
                Distribution d = s.prediction().stances().get(p);
                String name = ScoreTable.displayName(parties.get(p));
                h.append("<span class=\"chip ").append(css(d.best())).append("\" data-party=\"")
                        .append(escape(LabelSchema.column(parties.get(p)))).append("\" title=\"")
                        .append(escape(name + ": " + d.best() + " " + probabilities(d))).append("\">")
                        .append(escape(name)).append("</span>");
            }
            Distribution sentiment = s.prediction().sentiment();
            h.append("</span><span class=\"text\">").append(escape(s.text())).append("</span><span class=\"senti ")
                    .append(css(sentiment.best())).append("\" title=\"").append(escape("sentiment: " + probabilities(sentiment)))
                    .append("\">").append(escape(sentiment.best().toLowerCase(Locale.ROOT))).append("</span></li>\n");
        }
        h.append("</ol>\n</section>\n");
        out.write(h.toString());
    }

    /** The closing note (how many articles were shown of how many) and the end of the page. */
    void end() throws IOException {
        String note = total <= shown
                ? String.format(Locale.ROOT, "All %s scored.", Counts.of(total, "article"))
                : String.format(Locale.ROOT, "Showing the first %,d of %s scored; the other %,d are in the "
                        + "articles and sentences files, not on this page.", shown, Counts.of(total, "article"), total - shown);
        out.write("<p class=\"summary\">" + escape(note) + "</p>\n</main>\n</body>\n</html>\n");
    }

    /** "FAVOR 0.81, AGAINST 0.05, ..." in the model's label order. */
    private static String probabilities(Distribution d) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < d.labels().size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(d.labels().get(k)).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", OutputColumns.round(d.probabilityAt(k))));
        }
        return "(" + sb + ")";
    }

    /** A label as a CSS class: lower case, and only letters, so that a model's odd label cannot break the markup. */
    private static String css(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "_");
    }

    /**
     * Text for HTML content or a quoted attribute: the five markup characters as entities, and
     * control characters (invalid in HTML) as U+FFFD.
     */
    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' ? "\uFFFD" : null;
            };
            if (r != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (r != null) {
                    sb.append(r);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}
