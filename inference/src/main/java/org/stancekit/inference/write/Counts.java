package org.stancekit.inference.write;

import java.util.Locale;

/** Counts as people read them in messages and on pages: "1 article", "197,918 sentences". */
public final class Counts {

    private Counts() {
    }

    /**
     * {@code n} with thousands separators and the noun, plural unless {@code n} is 1. The noun
     * must take a plain "s" in the plural (article, sentence, input), as every noun here does.
     */
    public static String of(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
