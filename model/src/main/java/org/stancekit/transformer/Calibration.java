package org.stancekit.transformer;

/**
 * Temperature scaling (Guo et al., 2017): a head's logits are divided by one temperature, fitted
 * on dev to minimise the negative log-likelihood, before the softmax. It changes how confident
 * probabilities are, never which class is most probable.
 */
public final class Calibration {

    private Calibration() {
    }

    /** Writes {@code softmax(logits / temperature)} into {@code out} from {@code at}. */
    public static void softmax(float[] logits, double temperature, float[] out, int at) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l / temperature);
        }
        double sum = 0;
        double[] e = new double[logits.length];
        for (int c = 0; c < logits.length; c++) {
            e[c] = Math.exp(logits[c] / temperature - max);
            sum += e[c];
        }
        for (int c = 0; c < logits.length; c++) {
            out[at + c] = (float) (e[c] / sum);
        }
    }

    /**
     * The temperature in [0.05, 20] that minimises the mean negative log-likelihood of the gold
     * classes, by golden-section search over log-temperature (the likelihood is unimodal in it).
     *
     * @param logits per example, the head's logits
     * @param gold per example, the gold class
     */
    public static double fitTemperature(float[][] logits, int[] gold) {
        double lo = Math.log(0.05);
        double hi = Math.log(20);
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = nll(logits, gold, Math.exp(a));
        double fb = nll(logits, gold, Math.exp(b));
        for (int i = 0; i < 60; i++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = nll(logits, gold, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = nll(logits, gold, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /** Mean negative log-likelihood of the gold classes at a temperature. */
    static double nll(float[][] logits, int[] gold, double temperature) {
        double total = 0;
        float[] p = new float[0];
        for (int i = 0; i < logits.length; i++) {
            if (p.length != logits[i].length) {
                p = new float[logits[i].length];
            }
            softmax(logits[i], temperature, p, 0);
            total -= Math.log(Math.max(p[gold[i]], 1e-12));
        }
        return total / Math.max(1, logits.length);
    }
}
