package org.stancekit.training.transformer;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter), applied by hand to SameDiff's
 * gradients. Written here rather than through SameDiff's {@code TrainingConfig} because fine-tuning
 * needs what M2.1's fit loop lacks or gets wrong: a rate per parameter group (the heads learn 20
 * times faster than the encoder), a warm-up then linear decay (M2.1's {@code PolySchedule} grows
 * instead of decaying) and the loss of every step (its listeners report 0).
 */
final class AdamW {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final Map<String, INDArray> first = new HashMap<>();
    private final Map<String, INDArray> second = new HashMap<>();
    private long step;

    /** The moment estimates, by parameter name (for checkpoints). */
    Map<String, INDArray> firstMoments() {
        return first;
    }

    /** The second moment estimates, by parameter name (for checkpoints). */
    Map<String, INDArray> secondMoments() {
        return second;
    }

    long step() {
        return step;
    }

    /** Restores the state of a checkpoint. */
    void restore(long steps, Map<String, INDArray> m, Map<String, INDArray> v) {
        step = steps;
        first.clear();
        first.putAll(m);
        second.clear();
        second.putAll(v);
    }

    /** Advances the step counter; call once per batch, before the {@link #update}s of that batch. */
    void nextStep() {
        step++;
    }

    /**
     * Updates one parameter in place.
     *
     * @param decay weight decay for this parameter (0 for biases and LayerNorm)
     */
    void update(String name, INDArray param, INDArray gradient, double rate, double decay) {
        INDArray m = first.computeIfAbsent(name, k -> param.ulike().assign(0));
        INDArray v = second.computeIfAbsent(name, k -> param.ulike().assign(0));
        m.muli(BETA1).addi(gradient.mul(1 - BETA1));
        v.muli(BETA2).addi(gradient.mul(gradient).muli(1 - BETA2));
        double correction1 = 1 - Math.pow(BETA1, step);
        double correction2 = 1 - Math.pow(BETA2, step);
        INDArray denominator = Transforms.sqrt(v.div(correction2), false).addi(EPSILON);
        if (decay > 0) {
            param.muli(1 - rate * decay);
        }
        param.subi(m.div(correction1).divi(denominator).muli(rate));
    }
}
