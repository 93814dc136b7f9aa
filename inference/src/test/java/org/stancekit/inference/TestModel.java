package org.stancekit.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.stancekit.bundle.BundleReader;
import org.stancekit.model.FastModel;

/**
 * The shipped fast model, loaded once for the pipeline tests of this module (the pipeline runs
 * both kinds of model alike; the transformer's own tests load it where they need it).
 */
public final class TestModel {

    private static FastModel bundle;

    private TestModel() {
    }

    /** The shared bundle. */
    public static synchronized FastModel bundle() {
        if (bundle == null) {
            try {
                bundle = (FastModel) new BundleReader().readShipped("fast");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundle;
    }
}
