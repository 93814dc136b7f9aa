package org.stancekit.evaluation;

/**
 * A confidence interval.
 *
 * @param low lower bound
 * @param high upper bound
 */
public record Interval(double low, double high) {
}
