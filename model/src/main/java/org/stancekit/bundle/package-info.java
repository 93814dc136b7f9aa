/**
 * The model bundle: one immutable zip with a validated {@code manifest.json} (kind, label schema,
 * provenance, for a transformer its base encoder and temperatures) and the party lexicon, plus a
 * transformer's {@code weights.bin} or a fast model's network and vocabulary. The reader treats a
 * bundle as untrusted input; the two shipped bundles ({@code default}, {@code fast}) are read from
 * the class path.
 */
package org.stancekit.bundle;
