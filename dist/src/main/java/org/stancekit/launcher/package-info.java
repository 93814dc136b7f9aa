/**
 * The runnable jar's entry point ({@code java -jar stancekit.jar COMMAND}), which sends each verb
 * to the scoring or the training command line.
 */
package org.stancekit.launcher;
