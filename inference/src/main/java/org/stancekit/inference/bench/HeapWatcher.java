package org.stancekit.inference.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.stancekit.inference.pipeline.HelperPriority;

/**
 * Measures the heap while a stage runs: the peak heap in use (read just before every garbage
 * collection, when it is highest, and sampled every 20 ms in between) and the largest heap left
 * after a collection (what the run really keeps alive). The first depends on how much garbage
 * the collector lets pile up, and so on -Xmx; the second is the pipeline's own footprint.
 */
final class HeapWatcher implements AutoCloseable {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peak;
    private volatile long peakAfterGc;

    /** Starts watching; the sampler thread runs {@code helperNice} steps below the caller, as the pipeline's helpers do. */
    HeapWatcher(int helperNice) {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        sampler = new Thread(HelperPriority.belowCallingThread(helperNice).lowered(() -> {
            while (running) {
                record(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }), "stancekit-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        record(heap(info.getGcInfo().getMemoryUsageBeforeGc()));
        long after = heap(info.getGcInfo().getMemoryUsageAfterGc());
        synchronized (this) {
            peakAfterGc = Math.max(peakAfterGc, after);
        }
    }

    private long heap(Map<String, MemoryUsage> usage) {
        long sum = 0;
        for (Map.Entry<String, MemoryUsage> e : usage.entrySet()) {
            if (heapPools.contains(e.getKey())) {
                sum += e.getValue().getUsed();
            }
        }
        return sum;
    }

    private synchronized void record(long used) {
        peak = Math.max(peak, used);
    }

    /** Peak heap in use, in bytes. */
    long peak() {
        return peak;
    }

    /** Largest heap in use right after a collection, in bytes (0 when none ran). */
    long peakAfterGc() {
        return peakAfterGc;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // Never added; nothing to remove.
            }
        }
    }
}
