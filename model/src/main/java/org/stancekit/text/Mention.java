package org.stancekit.text;

/**
 * A span of tokens that names a party.
 *
 * @param party the party
 * @param start index of the first token
 * @param end index after the last token
 */
public record Mention(String party, int start, int end) {
}
