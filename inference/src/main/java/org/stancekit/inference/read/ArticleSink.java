package org.stancekit.inference.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import org.stancekit.domain.Article;

/**
 * Where every format reader sends what it finds, and the checks all formats share: an id that is
 * not empty and not seen before, text with letters or digits within the length limit, UTF-8.
 * The reader's {@link IdSet} keeps ids unique across all its inputs.
 */
final class ArticleSink {

    private final ReaderOptions options;
    private final IdSet seenIds;
    private final Consumer<ArticleInput> sink;

    ArticleSink(ReaderOptions options, IdSet seenIds, Consumer<ArticleInput> sink) {
        this.options = options;
        this.seenIds = seenIds;
        this.sink = sink;
    }

    /** The reader's options (column names, length limit). */
    ReaderOptions options() {
        return options;
    }

    /** An article found at {@code location}; it passes on when it passes the shared checks. */
    void article(String id, String text, String location) {
        if (id.isEmpty()) {
            failed(location, id, "empty article id");
        } else if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            // Blank, or only invisible characters (zero-width spaces, byte-order marks) or punctuation.
            failed(location, id, "empty article (no letters or digits)");
        } else if (text.length() > options.maxArticleChars()) {
            failed(location, id, tooLong(String.format(Locale.ROOT, "%,d", text.length())));
        } else if (!seenIds.add(id)) {
            failed(location, id, "duplicate article id '" + id + "'");
        } else {
            sink.accept(new ArticleInput.Loaded(new Article(id, text), location));
        }
    }

    /** An input, or a part of one, that cannot be scored. */
    void failed(String location, String id, String reason) {
        sink.accept(new ArticleInput.Failed(location, id, reason));
    }

    /** The reason given for an article over the length limit. */
    String tooLong(String chars) {
        return String.format(Locale.ROOT, "article too long: %s characters (the limit is %,d; see --max-chars)",
                chars, options.maxArticleChars());
    }

    /** A record's text, or null when it is too long or not UTF-8 (reported as a failure). */
    String decode(RecordReader.Record record, String location) {
        if (record.tooLong()) {
            failed(location, "", tooLong(String.format(Locale.ROOT, "far more than %,d", options.maxArticleChars())));
            return null;
        }
        String text = utf8(record.bytes());
        if (text == null) {
            failed(location, "", "not valid UTF-8 text");
            return null;
        }
        // A byte-order mark may open a file; it is no part of the first record.
        return record.line() == 1 ? stripBom(text) : text;
    }

    /** The most bytes a record may take to hold an article of the longest accepted length, and then some. */
    int recordByteLimit(int bytesPerChar) {
        return (int) Math.min(Integer.MAX_VALUE - 16L, (long) bytesPerChar * options.maxArticleChars() + 65_536);
    }

    /** The bytes as text, or null when they are not UTF-8. */
    static String utf8(byte[] bytes) {
        // Decoding leniently is one fast step, and it puts U+FFFD wherever the bytes are not UTF-8,
        // so only text holding U+FFFD (rare: it may also be written on purpose) needs the strict
        // decoder's verdict. Reading the benchmark corpus allocated about as much in the strict
        // decoder's buffers as in the text itself.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
