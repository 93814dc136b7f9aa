/**
 * Text processing: splitting articles into sentences, normalising and tokenising sentences, and
 * finding party mentions with a lexicon. Pure Java, deterministic, no model involved.
 */
package org.stancekit.text;
