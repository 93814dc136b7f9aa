/**
 * The model bundle: one immutable zip that holds the network, the vocabulary, the party
 * lexicon and a validated {@code manifest.json} with the bundle's provenance.
 */
package org.stancekit.bundle;
