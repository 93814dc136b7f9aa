package org.stancekit.inference.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** A {@code .txt} file: one article, whose id is the file name without its extension. */
final class TextFormatReader implements FormatReader {

    private final String id;

    TextFormatReader(String id) {
        this.id = id;
    }

    @Override
    public void read(InputStream in, String location, ArticleSink out) throws IOException {
        // UTF-8 takes at most 4 bytes a character, so more bytes than that are too many characters.
        int byteLimit = (int) Math.min(Integer.MAX_VALUE - 16L, 4L * out.options().maxArticleChars());
        byte[] bytes = in.readNBytes(byteLimit + 1);
        for (byte b : bytes) {
            if (b == 0) {
                out.failed(location, id, "binary file (contains NUL bytes)");
                return;
            }
        }
        if (bytes.length > byteLimit) {
            out.failed(location, id, out.tooLong(String.format(Locale.ROOT, "more than %,d",
                    out.options().maxArticleChars())));
            return;
        }
        String text = ArticleSink.utf8(bytes);
        if (text == null) {
            out.failed(location, id, "not valid UTF-8 text");
            return;
        }
        out.article(id, ArticleSink.stripBom(text), location);
    }
}
