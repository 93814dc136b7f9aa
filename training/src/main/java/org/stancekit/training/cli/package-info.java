/**
 * The training side of the {@code stancekit} command: {@code train}, {@code evaluate} and
 * {@code dataset}. Classes here only parse options and delegate.
 */
package org.stancekit.training.cli;
