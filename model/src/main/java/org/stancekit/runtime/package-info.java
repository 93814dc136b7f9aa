/**
 * Process-level concerns shared by the command-line front ends and the engines: quiet logging by
 * default, the documented exit codes, native thread counts, SHA-256 of files and bytes, files
 * written whole or not at all ({@link org.stancekit.runtime.AtomicFile}) and folder trees removed
 * ({@link org.stancekit.runtime.FileTrees}).
 */
package org.stancekit.runtime;
