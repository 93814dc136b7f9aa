package org.stancekit.inference.pipeline;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;

/**
 * Lowers the scheduling priority of the threads that work beside the network (the reader, the
 * encoder workers, the packer), so that when one of them and the inference thread want the same
 * core, the scheduler gives it to the forward passes. The forward passes are the one serial
 * stage and set the pipeline's pace; the stages around them have slack and lose nothing by
 * waiting a little. Measured on two cores with a per-thread harness (README, "Benchmark"): the
 * inference thread's wait for a core fell from 0.74 s to 0.28 s a 200,000-sentence run on
 * average, and it computed for 89.5% of the run's wall time instead of 84.8%.
 *
 * <p>On Linux this is the thread's nice value: helpers run {@value #DEFAULT_STEP} above the
 * thread that started the pipeline (at most at 19), set with {@code setpriority(2)} through JNA.
 * Linux keeps a nice value per thread and lets any thread lower its own priority, so no
 * privilege is needed, and nothing is ever raised. Java's own {@link Thread#setPriority} is
 * ignored on Linux unless the JVM runs with {@code -XX:ThreadPriorityPolicy=1}, which also raises
 * the JVM's own threads when run as root and prints a warning otherwise. On other systems helpers
 * get {@link Thread#MIN_PRIORITY}, which Windows maps to a native priority.
 *
 * <p>Set {@code -D}{@value #PROPERTY}{@code =N} to lower by another step, or {@code 0} to leave
 * every thread at its priority. If the native call is not available, threads keep their priority:
 * the pipeline is then a little slower on a busy machine, never wrong.
 */
public final class HelperPriority {

    /** System property with the nice step; 0 turns lowering off. */
    public static final String PROPERTY = "stancekit.helperNice";
    /** Nice step by default: a nice-0 thread then gets about nine tenths of a shared core. */
    public static final int DEFAULT_STEP = 10;

    private static final int PRIO_PROCESS = 0;
    private static final int MAX_NICE = 19;
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");

    /** {@link #targetNice} when the native priority is left alone. */
    private static final int NO_NATIVE = Integer.MIN_VALUE;

    private final boolean enabled;
    private final int targetNice;

    private HelperPriority(boolean enabled, int targetNice) {
        this.enabled = enabled;
        this.targetNice = targetNice;
    }

    /** The libc calls used; {@code who = 0} is the calling thread on Linux. */
    private interface CLibrary extends Library {
        int getpriority(int which, int who);

        int setpriority(int which, int who, int prio);
    }

    /** Loaded on first use; null when JNA or libc cannot be loaded. */
    private static final class Libc {
        static final CLibrary INSTANCE = load();

        private static CLibrary load() {
            try {
                return Native.load("c", CLibrary.class);
            } catch (LinkageError | RuntimeException e) {
                return null;
            }
        }
    }

    /**
     * The priority for helpers of the calling thread: its nice value plus the configured step, at
     * most 19. Fixed here, on the calling thread, because a thread starts with the nice value of
     * the thread that creates it, and helpers create helpers: the encoder workers are started by
     * the reader. A run started with {@code nice} keeps the same gap.
     */
    public static HelperPriority belowCallingThread() {
        int step = configuredStep();
        if (step <= 0) {
            return new HelperPriority(false, NO_NATIVE);
        }
        int nativeStep = nativeStep();
        return new HelperPriority(true, nativeStep == 0 ? NO_NATIVE
                : Math.min(MAX_NICE, Libc.INSTANCE.getpriority(PRIO_PROCESS, 0) + nativeStep));
    }

    /**
     * The nice step helpers get on this machine: the configured step, or 0 when it is off or the
     * native call is not available (not Linux, or JNA could not load).
     */
    public static int nativeStep() {
        int step = configuredStep();
        return step > 0 && LINUX && Libc.INSTANCE != null ? step : 0;
    }

    /**
     * The configured step ({@value #DEFAULT_STEP} unless {@code -D}{@value #PROPERTY} says
     * otherwise); a value that is not a whole number is an IllegalArgumentException, not the default.
     */
    public static int configuredStep() {
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            return DEFAULT_STEP;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be a whole number of nice steps (0 for none), got '"
                    + value + "'");
        }
    }

    /** {@link #applyToThisThread()} first, then {@code body}: for handing to a thread or a thread factory. */
    public Runnable lowered(Runnable body) {
        return () -> {
            applyToThisThread();
            body.run();
        };
    }

    /**
     * Gives the calling thread this priority, if that lowers it; a thread's priority is never raised.
     *
     * @return true when the thread's native priority was lowered
     */
    public boolean applyToThisThread() {
        if (!enabled) {
            return false;
        }
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (targetNice == NO_NATIVE) {
            return false;
        }
        CLibrary libc = Libc.INSTANCE;
        return libc.getpriority(PRIO_PROCESS, 0) < targetNice && libc.setpriority(PRIO_PROCESS, 0, targetNice) == 0;
    }
}
