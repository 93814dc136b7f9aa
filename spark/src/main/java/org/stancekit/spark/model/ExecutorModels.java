package org.stancekit.spark.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.stancekit.bundle.BundleReader;
import org.stancekit.model.StanceModel;

/**
 * The models loaded in this JVM, one per bundle (keyed by the SHA-256 of its bytes): an
 * executor reads a bundle once, when its first task needs it, and every later task of every job
 * in that executor shares the loaded model (a {@link StanceModel} is safe to share between
 * threads). In local mode the driver is the executor, so the load that validates the bundle on the
 * driver also serves the tasks. Models stay loaded for the life of the JVM, as executors are
 * reused across the tasks of a job.
 */
public final class ExecutorModels {

    private static final Map<String, StanceModel<?, ?>> LOADED = new ConcurrentHashMap<>();
    private static final Object LOADING = new Object();

    private ExecutorModels() {
    }

    /**
     * The model of {@code bundle}, read with the untrusted-bundle reader the first time this JVM
     * needs it; concurrent tasks wait for one load rather than each loading a copy.
     *
     * @throws IOException when the bundle is damaged or not a StanceKit bundle (the message names it)
     */
    public static StanceModel<?, ?> get(BundleBytes bundle) throws IOException {
        StanceModel<?, ?> model = LOADED.get(bundle.sha256());
        if (model != null) {
            return model;
        }
        synchronized (LOADING) {
            model = LOADED.get(bundle.sha256());
            if (model == null) {
                model = new BundleReader().read(new ByteArrayInputStream(bundle.bytes()), bundle.origin());
                LOADED.put(bundle.sha256(), model);
            }
            return model;
        }
    }

    /** How many bundles this JVM has loaded (for tests: one per bundle, however many tasks ran). */
    public static int loadedCount() {
        return LOADED.size();
    }
}
