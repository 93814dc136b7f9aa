package org.stancekit.runtime;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Runs ND4J's native operations on one thread each. The pipeline gets its parallelism from its
 * stages (a reader, encoder workers, an inference thread, the writer), and ND4J's default OpenMP
 * team of one thread a core spins for work that is too small to share: measured on two cores,
 * forward passes ran 5 to 10 times faster with one native thread than with two, because the
 * spinning team fought the encoder workers for the cores.
 *
 * <p>OpenMP keeps its thread count per thread: a setting made on one thread does not reach the
 * pipeline's inference thread, which would then start a team of its own whose idle members spin
 * (found with {@code perf}: a spinning OpenMP team took a third of all CPU time, invisible to Java
 * profilers). So {@link #configureThisThread()} is called by every thread that runs forward passes.
 *
 * <p>Set {@code -D}{@value #PROPERTY}{@code =N} to choose another count, or {@code 0} to leave
 * ND4J's own setting alone; an {@code OMP_NUM_THREADS} in the environment is also left alone.
 */
public final class NativeThreads {

    /** System property with the native thread count. */
    public static final String PROPERTY = "stancekit.nativeThreads";

    private static boolean configured;
    private static int threads;
    private static final ThreadLocal<Boolean> THIS_THREAD = ThreadLocal.withInitial(() -> false);

    private NativeThreads() {
    }

    /** Applies the setting once per JVM; later calls do nothing. */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        configured = true;
        String chosen = System.getProperty(PROPERTY);
        if (chosen == null && System.getenv("OMP_NUM_THREADS") != null) {
            return;
        }
        threads = chosen == null ? 1 : Integer.parseInt(chosen.strip());
        if (threads <= 0) {
            return;
        }
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    /** Applies the setting to the calling thread's OpenMP state; cheap after the first call on a thread. */
    public static void configureThisThread() {
        if (THIS_THREAD.get()) {
            return;
        }
        configure();
        THIS_THREAD.set(true);
        if (threads > 0) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        }
    }
}
