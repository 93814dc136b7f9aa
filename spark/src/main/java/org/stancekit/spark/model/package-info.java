/**
 * The model on executors: {@link org.stancekit.spark.model.BundleBytes} is the bundle as bytes,
 * broadcast once per job; {@link org.stancekit.spark.model.ExecutorModels} reads it once per JVM
 * with the untrusted-bundle reader and shares the model among the executor's tasks.
 */
package org.stancekit.spark.model;
