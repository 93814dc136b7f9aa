/**
 * What both command lines (scoring in {@code inference}, training in {@code training}) share:
 * the {@code --model} and {@code --verbose} options as picocli mixins, and the answer to a usage
 * error. The commands themselves live in their modules.
 */
package org.stancekit.cli;
