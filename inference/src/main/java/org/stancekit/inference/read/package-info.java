/**
 * The first stage: inputs (text files, folders, CSV and JSONL files, gzipped or not, standard
 * input) become {@link org.stancekit.inference.read.ArticleInput}s, an article or a failure with
 * its file, line and reason. Records are split on bytes before decoding, so one bad byte or a
 * broken quote costs its own record only; memory is bounded by the longest article allowed.
 */
package org.stancekit.inference.read;
