/**
 * The training side of the {@code stancekit} command: {@code train}, {@code evaluate} and
 * {@code dataset}. The commands parse options and delegate; beside them are the printed tables
 * ({@link org.stancekit.training.cli.MetricsTable}) and the calibration figures of a report
 * ({@link org.stancekit.training.cli.Calibrations}).
 */
package org.stancekit.training.cli;
