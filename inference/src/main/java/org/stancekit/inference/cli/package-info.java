/** The scoring side of the {@code stancekit} command: {@code score}. Parses options and delegates. */
package org.stancekit.inference.cli;
