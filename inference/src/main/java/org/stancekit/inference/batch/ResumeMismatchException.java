package org.stancekit.inference.batch;

/**
 * {@code --resume} was asked for a run it cannot continue: other inputs, options or model than
 * the interrupted run's, or inputs that no longer read the same way. Nothing is written; the
 * interrupted run's files stay as they were.
 */
public final class ResumeMismatchException extends IllegalArgumentException {

    /** With a message that says what differs. */
    public ResumeMismatchException(String message) {
        super(message);
    }
}
