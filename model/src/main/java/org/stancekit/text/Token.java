package org.stancekit.text;

/**
 * A token of a normalised sentence.
 *
 * @param surface the token as written (after normalisation), case kept
 * @param form the feature form: lower case, except all-capital acronyms such as {@code US} or
 *             {@code EU}, which keep their case so that they differ from ordinary words
 */
public record Token(String surface, String form) {
}
