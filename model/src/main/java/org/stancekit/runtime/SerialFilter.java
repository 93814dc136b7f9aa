package org.stancekit.runtime;

import java.io.ObjectInputFilter;

/**
 * The JVM-wide filter on Java deserialisation that every StanceKit command installs first: a
 * second wall behind the bundle reader, which never deserialises Java objects. Should any code on
 * the class path try (DL4J's model loader does, for a {@code preprocessor.bin}), only Java's own
 * classes and Weka's (its baselines copy classifiers by serialisation) are accepted, so no gadget
 * chain in commons-collections or commons-beanutils (both on DL4J's class path) can run.
 * {@code docs/security.md} says more.
 */
public final class SerialFilter {

    /** The filter, in {@code jdk.serialFilter} syntax. */
    public static final String PATTERN = "maxdepth=64;maxrefs=1000000;maxbytes=268435456;java.**;weka.**;!*";

    private SerialFilter() {
    }

    /**
     * Installs {@link #PATTERN} as the JVM-wide filter, unless one is set already (with
     * {@code -Djdk.serialFilter}, which then wins: whoever set it chose it).
     */
    public static synchronized void install() {
        if (ObjectInputFilter.Config.getSerialFilter() == null) {
            ObjectInputFilter.Config.setSerialFilter(ObjectInputFilter.Config.createFilter(PATTERN));
        }
    }
}
