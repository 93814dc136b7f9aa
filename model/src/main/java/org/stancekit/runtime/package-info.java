/**
 * Process-level concerns shared by the command-line front ends: quiet logging by default and the
 * documented exit codes.
 */
package org.stancekit.runtime;
