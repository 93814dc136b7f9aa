/**
 * Process-level concerns shared by the command-line front ends and the engines: quiet logging by
 * default, the documented exit codes, native thread counts and SHA-256 of files and bytes.
 */
package org.stancekit.runtime;
