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
 * <p>The step is {@link PipelineOptions#helperNice()}; by default {@value #DEFAULT_STEP}, or what
 * {@code -D}{@value #PROPERTY}{@code =N} says ({@code 0} leaves every thread at its priority). If
 * the native call is not available, threads keep their priority: the pipeline is then a little
 * slower on a busy machine, never wrong.
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
     * The priority for helpers of the calling thread: its nice value plus {@code step}, at most 19.
     * Fixed here, on the calling thread, because a thread starts with the nice value of the thread
     * that creates it, and helpers create helpers: the encoder workers are started by the reader.
     * A run started with {@code nice} keeps the same gap while it fits under 19.
     *
     * @param step nice steps, 0 to 19; 0 leaves every thread's priority alone
     */
    public static HelperPriority belowCallingThread(int step) {
        checkStep(step);
        if (step == 0) {
            return new HelperPriority(false, NO_NATIVE);
        }
        return new HelperPriority(true, nativeAvailable()
                ? Math.min(MAX_NICE, Libc.INSTANCE.getpriority(PRIO_PROCESS, 0) + step) : NO_NATIVE);
    }

    /** Whether nice values can be set here: Linux, with JNA and libc loaded. */
    public static boolean nativeAvailable() {
        return LINUX && Libc.INSTANCE != null;
    }

    /**
     * The step {@code -D}{@value #PROPERTY} asks for, {@value #DEFAULT_STEP} without it.
     *
     * @throws IllegalArgumentException when the property is not a whole number from 0 to 19
     */
    public static int configuredStep() {
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            return DEFAULT_STEP;
        }
        try {
            int step = Integer.parseInt(value.strip());
            checkStep(step);
            return step;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be a whole number from 0 to " + MAX_NICE
                    + " (0 for none), got '" + value + "'");
        }
    }

    /** Refuses a step outside 0 to 19. */
    static void checkStep(int step) {
        if (step < 0 || step > MAX_NICE) {
            throw new IllegalArgumentException("the helper threads' nice step must be from 0 to " + MAX_NICE + ", got " + step);
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
        if (!LINUX) {
            // Only here: on Linux, with -XX:ThreadPriorityPolicy=1, HotSpot would set an absolute nice
            // value for it, which could raise a thread started under 'nice'.
            Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
            return false;
        }
        if (targetNice == NO_NATIVE) {
            return false;
        }
        CLibrary libc = Libc.INSTANCE;
        return libc.getpriority(PRIO_PROCESS, 0) < targetNice && libc.setpriority(PRIO_PROCESS, 0, targetNice) == 0;
    }
}
