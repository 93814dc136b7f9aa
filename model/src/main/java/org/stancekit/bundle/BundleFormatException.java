package org.stancekit.bundle;

import java.io.IOException;

/** A file is not a model bundle this StanceKit can read; the message says what is wrong. */
public class BundleFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public BundleFormatException(String message) {
        super(message);
    }

    public BundleFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
