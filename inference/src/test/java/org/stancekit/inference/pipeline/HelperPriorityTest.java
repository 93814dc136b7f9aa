package org.stancekit.inference.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.stancekit.domain.Article;
import org.stancekit.inference.read.ArticleInput;
import org.stancekit.inference.TemporaryProperty;
import org.stancekit.inference.TestModel;

/**
 * The helper threads' nice value, read back from {@code /proc} independently of the libc call that
 * set it (Linux only: elsewhere those tests are skipped), and the step's validation.
 */
class HelperPriorityTest {

    private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");

    private static void assumeNiceValuesCanBeSetAndRead() {
        assumeTrue(Files.isReadable(THREAD_STAT), "needs Linux's /proc/thread-self");
        assumeTrue(HelperPriority.nativeAvailable(), "needs setpriority through JNA");
    }

    /** The calling thread's nice value. */
    static int niceOfThisThread() {
        try {
            return nice(Files.readString(THREAD_STAT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Field 19 of a stat line, counted after the thread's name, which may hold spaces. */
    private static int nice(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }

    /** Runs {@code body} on a new thread, so that lowering it never touches the test runner's thread. */
    private static <T> T onNewThread(java.util.function.Supplier<T> body) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(body.get()));
        t.start();
        t.join();
        return result.get();
    }

    @Test
    void helpersRunTheStepBelowTheThreadThatMadeThemAndItKeepsItsOwn() throws InterruptedException {
        assumeNiceValuesCanBeSetAndRead();
        int caller = niceOfThisThread();
        HelperPriority helpers = HelperPriority.belowCallingThread(HelperPriority.DEFAULT_STEP);
        int[] seen = onNewThread(() -> {
            int before = niceOfThisThread();
            boolean lowered = helpers.applyToThisThread();
            boolean again = helpers.applyToThisThread();
            return new int[] {before, niceOfThisThread(), lowered ? 1 : 0, again ? 1 : 0};
        });
        assertEquals(caller, seen[0], "a new thread starts at its creator's priority");
        assertEquals(0, seen[3], "applying twice lowers once");
        int expected = Math.min(19, seen[0] + HelperPriority.DEFAULT_STEP);
        assertEquals(expected, seen[1]);
        assertEquals(expected > seen[0] ? 1 : 0, seen[2]);
        assertEquals(caller, niceOfThisThread(), "the thread that started the helper keeps its priority");
    }

    @Test
    void aStepOfZeroLeavesThePriorityAlone() throws InterruptedException {
        assumeNiceValuesCanBeSetAndRead();
        HelperPriority helpers = HelperPriority.belowCallingThread(0);
        int[] seen = onNewThread(() -> {
            int before = niceOfThisThread();
            boolean lowered = helpers.applyToThisThread();
            return new int[] {before, niceOfThisThread(), lowered ? 1 : 0};
        });
        assertEquals(seen[0], seen[1]);
        assertEquals(0, seen[2]);
    }

    @Test
    void theStepComesFromThePropertyAndOnlyFromZeroToNineteen() {
        if (System.getProperty(HelperPriority.PROPERTY) == null) {
            assertEquals(HelperPriority.DEFAULT_STEP, HelperPriority.configuredStep());
        }
        try (TemporaryProperty p = new TemporaryProperty(HelperPriority.PROPERTY, " 7 ")) {
            assertEquals(7, HelperPriority.configuredStep());
            assertEquals(7, PipelineOptions.defaults(TestModel.bundle()).helperNice());
        }
        for (String bad : List.of("ten", "-1", "20")) {
            try (TemporaryProperty p = new TemporaryProperty(HelperPriority.PROPERTY, bad)) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PipelineOptions.defaults(TestModel.bundle()));
                assertEquals("-Dstancekit.helperNice must be a whole number from 0 to 19 (0 for none), got '" + bad + "'",
                        e.getMessage());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> PipelineOptions.defaults(TestModel.bundle()).withHelperNice(20));
        assertThrows(IllegalArgumentException.class, () -> HelperPriority.belowCallingThread(-1));
    }

    @Test
    void thePipelinesHelpersAreLoweredAndItsInferenceAndCallingThreadsAreNot() throws IOException {
        assumeNiceValuesCanBeSetAndRead();
        int caller = niceOfThisThread();
        assumeTrue(caller < 19, "the test already runs at the lowest priority");
        Map<String, Set<Integer>> seen = new ConcurrentHashMap<>();
        CountDownLatch looked = new CountDownLatch(1);
        // An idle flush scores the one article while the reader still waits in the source, so that
        // every stage's thread is alive when the sink looks.
        PipelineOptions options = PipelineOptions.defaults(TestModel.bundle()).withIdleFlushMillis(10).withHelperNice(HelperPriority.DEFAULT_STEP);
        boolean complete = new ScoringPipeline(TestModel.bundle(), options).run(emit -> {
            emit.accept(new PipelineInput(new ArticleInput.Loaded(new Article("a", "Kyiv thanked Europe."), "in"), 0));
            try {
                assertTrue(looked.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new InterruptedIOException();
            }
        }, result -> {
            seen.put("calling", Set.of(niceOfThisThread()));
            seen.putAll(niceByThreadName());
            looked.countDown();
        });
        assertTrue(complete);
        int lowered = Math.min(19, caller + HelperPriority.DEFAULT_STEP);
        // Linux keeps the first 15 characters of a thread's name.
        for (String helper : List.of("stancekit-reade", "stancekit-encod", "stancekit-packe")) {
            assertEquals(Set.of(lowered), seen.get(helper), helper);
        }
        assertEquals(Set.of(caller), seen.get("stancekit-infer"));
        assertEquals(Set.of(caller), seen.get("calling"));
    }

    /** The nice values of this JVM's threads, by the name Linux shows for them. */
    private static Map<String, Set<Integer>> niceByThreadName() throws IOException {
        Map<String, Set<Integer>> out = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    out.computeIfAbsent(name, k -> new HashSet<>()).add(nice(Files.readString(task.resolve("stat"))));
                } catch (NoSuchFileException ended) {
                    // The thread ended while we looked.
                }
            }
        }
        return out;
    }
}
