package org.stancekit.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.stancekit.bundle.BundleReader;
import org.stancekit.bundle.ModelBundle;

/** The embedded default model, loaded once for all tests of this module. */
public final class TestModel {

    private static ModelBundle bundle;

    private TestModel() {
    }

    /** The shared bundle. */
    public static synchronized ModelBundle bundle() {
        if (bundle == null) {
            try {
                bundle = new BundleReader().readDefault();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundle;
    }
}
