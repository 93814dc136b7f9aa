/**
 * {@code stancekit bench}: a reproducible corpus built from the project's datasets, and the
 * throughput of each scoring stage on it (reading and encoding alone, the network alone, files
 * in to CSV out) with the peak heap, as a table and as JSON.
 */
package org.stancekit.inference.bench;
