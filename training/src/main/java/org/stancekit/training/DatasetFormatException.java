package org.stancekit.training;

import java.io.IOException;
import java.util.List;

/** A labelled file has bad rows; the message lists them as {@code file:line: reason}. */
public class DatasetFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public DatasetFormatException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one {@code file:line: reason} each. */
    public List<String> problems() {
        return problems;
    }
}
