package org.stancekit.training.transformer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stancekit.runtime.AtomicFile;
import org.stancekit.runtime.Sha256;

/**
 * The state of a fine-tune after an epoch, so that an interrupted run continues where it stopped
 * instead of starting over: the weights, AdamW's moments and step, the best epoch's weights and
 * every epoch's figures. A checkpoint is a folder: {@code state.json}, {@code tensors.bin} (named
 * float arrays) and {@code best-weights.bin}. Each is written under a temporary name and renamed,
 * the state last; the state records the SHA-256 of the other two, so a crash between the renames
 * (new tensors beside the old state) is recognised and refused instead of resumed into a mix of
 * two epochs. A checkpoint records a fingerprint of the data, configuration and seed, and is only
 * resumed by a run with the same fingerprint.
 *
 * @param fingerprint what the run was (data SHA-256, configuration, seed)
 * @param epoch the last completed epoch
 * @param step AdamW's step count
 * @param bestEpoch the epoch of the best dev score so far
 * @param epochs every completed epoch's figures
 * @param params the current weights by name
 * @param first AdamW's first moments by name
 * @param second AdamW's second moments by name
 * @param best the best epoch's weights file
 */
public record Checkpoint(String fingerprint, int epoch, long step, int bestEpoch, List<FineTuner.Epoch> epochs,
                         Map<String, float[]> params, Map<String, float[]> first, Map<String, float[]> second,
                         byte[] best) {

    private static final String STATE = "state.json";
    private static final String TENSORS = "tensors.bin";
    private static final String BEST = "best-weights.bin";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Writes the checkpoint into {@code dir}, replacing the one there. */
    public void write(Path dir) throws IOException {
        AtomicFile.write(dir.resolve(TENSORS), raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 20));
            for (var group : List.of(Map.entry("p:", params), Map.entry("m:", first), Map.entry("v:", second))) {
                for (Map.Entry<String, float[]> e : group.getValue().entrySet()) {
                    out.writeUTF(group.getKey() + e.getKey());
                    out.writeInt(e.getValue().length);
                    ByteBuffer buffer = ByteBuffer.allocate(e.getValue().length * 4).order(ByteOrder.BIG_ENDIAN);
                    buffer.asFloatBuffer().put(e.getValue());
                    out.write(buffer.array());
                }
            }
            out.flush();
        });
        AtomicFile.write(dir.resolve(BEST), best);
        ObjectNode state = MAPPER.createObjectNode();
        state.put("fingerprint", fingerprint);
        state.put("epoch", epoch);
        state.put("step", step);
        state.put("bestEpoch", bestEpoch);
        state.put(TENSORS, Sha256.of(dir.resolve(TENSORS)));
        state.put(BEST, Sha256.of(best));
        ArrayNode list = state.putArray("epochs");
        for (FineTuner.Epoch e : epochs) {
            list.addObject().put("epoch", e.epoch()).put("loss", e.loss()).put("devStance", e.devStance())
                    .put("devSentiment", e.devSentiment()).put("seconds", e.seconds());
        }
        // The state last: until it is replaced, the old state's checksums do not match the new files.
        AtomicFile.write(dir.resolve(STATE), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
    }

    /**
     * Reads the checkpoint in {@code dir} if there is one for this fingerprint.
     *
     * @param sizes every tensor's expected length, by name (bounds what is read)
     * @return empty when there is no checkpoint; an error when there is one of another run
     */
    public static Optional<Checkpoint> read(Path dir, String fingerprint, Map<String, Integer> sizes) throws IOException {
        if (!Files.exists(dir.resolve(STATE)) || !Files.exists(dir.resolve(TENSORS)) || !Files.exists(dir.resolve(BEST))) {
            return Optional.empty();
        }
        JsonNode state = MAPPER.readTree(dir.resolve(STATE).toFile());
        if (!fingerprint.equals(state.path("fingerprint").asText())) {
            throw new IOException(dir + " holds a checkpoint of another run (other data, configuration or seed); "
                    + "delete it or train with the same data, configuration and seed");
        }
        for (String file : List.of(TENSORS, BEST)) {
            if (!Sha256.of(dir.resolve(file)).equals(state.path(file).asText())) {
                throw new IOException(dir.resolve(file) + " does not match " + dir.resolve(STATE)
                        + " (the run was stopped while writing its checkpoint); delete " + dir + " to start over");
            }
        }
        List<FineTuner.Epoch> epochs = new ArrayList<>();
        for (JsonNode e : state.path("epochs")) {
            epochs.add(new FineTuner.Epoch(e.get("epoch").asInt(), e.get("loss").asDouble(), e.get("devStance").asDouble(),
                    e.get("devSentiment").asDouble(), e.get("seconds").asDouble()));
        }
        Map<String, Map<String, float[]>> groups = new LinkedHashMap<>();
        for (String g : List.of("p:", "m:", "v:")) {
            groups.put(g, new LinkedHashMap<>());
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(dir.resolve(TENSORS)), 1 << 20))) {
            while (true) {
                String key;
                try {
                    key = in.readUTF();
                } catch (EOFException end) {
                    break;
                }
                String group = key.substring(0, Math.min(2, key.length()));
                String name = key.substring(Math.min(2, key.length()));
                int n = in.readInt();
                Integer expected = sizes.get(name);
                if (!groups.containsKey(group) || expected == null || expected != n) {
                    throw new IOException(dir.resolve(TENSORS) + ": unexpected tensor " + key + " of " + n + " values");
                }
                byte[] bytes = new byte[n * 4];
                in.readFully(bytes);
                float[] values = new float[n];
                ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(values);
                groups.get(group).put(name, values);
            }
        }
        for (Map.Entry<String, Map<String, float[]>> group : groups.entrySet()) {
            if (!group.getValue().keySet().equals(sizes.keySet())) {
                throw new IOException(dir.resolve(TENSORS) + ": tensors of group " + group.getKey() + " missing");
            }
        }
        return Optional.of(new Checkpoint(fingerprint, state.path("epoch").asInt(), state.path("step").asLong(),
                state.path("bestEpoch").asInt(), epochs, groups.get("p:"), groups.get("m:"), groups.get("v:"),
                Files.readAllBytes(dir.resolve(BEST))));
    }
}
