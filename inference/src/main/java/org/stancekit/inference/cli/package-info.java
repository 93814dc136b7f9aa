/**
 * The scoring side of the {@code stancekit} command: {@code score} and {@code bench}. Parses
 * options, shows progress and delegates.
 */
package org.stancekit.inference.cli;
