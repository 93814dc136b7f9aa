package org.stancekit.inference;

/** Sets a system property for the length of a try block and puts the old value back on close. */
public final class TemporaryProperty implements AutoCloseable {

    private final String name;
    private final String old;

    /** Sets {@code name} to {@code value}. */
    public TemporaryProperty(String name, String value) {
        this.name = name;
        this.old = System.setProperty(name, value);
    }

    @Override
    public void close() {
        if (old == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, old);
        }
    }
}
