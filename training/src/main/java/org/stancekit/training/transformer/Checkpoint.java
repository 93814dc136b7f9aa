package org.stancekit.training.transformer;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.stancekit.runtime.AtomicFile;
import org.stancekit.runtime.Json;
import org.stancekit.runtime.Sha256;

/**
 * The state of a fine-tune after an epoch, so that an interrupted run continues where it stopped
 * instead of starting over: the weights, AdamW's moments and step, the best epoch's weights and
 * every epoch's figures. A checkpoint is a folder: {@code state.json}, {@code tensors-E.bin} (named
 * float arrays) and {@code best-weights-E.bin}, where E is the epoch. The data files get new names
 * each epoch and the state, written last, names them with their SHA-256; the previous epoch's files
 * are deleted only after that. So a run killed at any moment leaves a whole checkpoint: the new
 * one, or the previous one untouched. A checkpoint records a fingerprint of the data,
 * configuration and seed, and is only resumed by a run with the same fingerprint.
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
    private static final String TENSORS = "tensors";
    private static final String BEST = "best-weights";
    /** The data files' names: a prefix, an epoch, {@code .bin}; nothing else is read from the state. */
    private static final Pattern DATA_FILE = Pattern.compile("(tensors|best-weights)-[0-9]{1,4}\\.bin");

    /** Writes the checkpoint into {@code dir}, replacing the one there only once it is complete. */
    public void write(Path dir) throws IOException {
        String tensorsFile = TENSORS + "-" + epoch + ".bin";
        String bestFile = BEST + "-" + epoch + ".bin";
        MessageDigest tensorsDigest = Sha256.digest();
        AtomicFile.write(dir.resolve(tensorsFile), raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(raw, tensorsDigest), 1 << 20));
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
        AtomicFile.write(dir.resolve(bestFile), best);
        ObjectNode state = Json.MAPPER.createObjectNode();
        state.put("fingerprint", fingerprint);
        state.put("epoch", epoch);
        state.put("step", step);
        state.put("bestEpoch", bestEpoch);
        state.putObject(TENSORS).put("file", tensorsFile).put("sha256", HexFormat.of().formatHex(tensorsDigest.digest()));
        state.putObject(BEST).put("file", bestFile).put("sha256", Sha256.of(best));
        ArrayNode list = state.putArray("epochs");
        for (FineTuner.Epoch e : epochs) {
            list.addObject().put("epoch", e.epoch()).put("loss", e.loss()).put("devStance", e.devStance())
                    .put("devSentiment", e.devSentiment()).put("seconds", e.seconds());
        }
        AtomicFile.write(dir.resolve(STATE), Json.INDENTED.writeValueAsBytes(state));
        // Only now is the previous epoch's checkpoint no longer needed.
        try (Stream<Path> files = Files.list(dir)) {
            for (Path old : files.toList()) {
                String name = old.getFileName().toString();
                if (DATA_FILE.matcher(name).matches() && !name.equals(tensorsFile) && !name.equals(bestFile)) {
                    Files.delete(old);
                }
            }
        }
    }

    /**
     * Reads the checkpoint in {@code dir} if there is one for this fingerprint.
     *
     * @param sizes every tensor's expected length, by name (bounds what is read)
     * @return empty when there is no checkpoint; an error when there is one of another run
     */
    public static Optional<Checkpoint> read(Path dir, String fingerprint, Map<String, Integer> sizes) throws IOException {
        if (!Files.exists(dir.resolve(STATE))) {
            return Optional.empty();
        }
        JsonNode state = Json.MAPPER.readTree(dir.resolve(STATE).toFile());
        if (!fingerprint.equals(state.path("fingerprint").asText())) {
            throw new IOException(dir + " holds a checkpoint of another run (other data, configuration or seed); "
                    + "delete it or train with the same data, configuration and seed");
        }
        Path tensors = dataFile(dir, state, TENSORS);
        Path best = dataFile(dir, state, BEST);
        List<FineTuner.Epoch> epochs = new ArrayList<>();
        for (JsonNode e : state.path("epochs")) {
            epochs.add(new FineTuner.Epoch(e.get("epoch").asInt(), e.get("loss").asDouble(), e.get("devStance").asDouble(),
                    e.get("devSentiment").asDouble(), e.get("seconds").asDouble()));
        }
        Map<String, Map<String, float[]>> groups = new LinkedHashMap<>();
        for (String g : List.of("p:", "m:", "v:")) {
            groups.put(g, new LinkedHashMap<>());
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(tensors), 1 << 20))) {
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
                    throw new IOException(tensors + ": unexpected tensor " + key + " of " + n + " values");
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
                throw new IOException(tensors + ": tensors of group " + group.getKey() + " missing");
            }
        }
        int bestEpoch = state.path("bestEpoch").asInt();
        if (bestEpoch < 1 || bestEpoch > epochs.size() || state.path("epoch").asInt() != epochs.size()) {
            throw new IOException(dir.resolve(STATE) + ": epoch " + state.path("epoch").asInt() + " and best epoch "
                    + bestEpoch + " do not fit its " + epochs.size() + " recorded epochs");
        }
        return Optional.of(new Checkpoint(fingerprint, state.path("epoch").asInt(), state.path("step").asLong(),
                bestEpoch, epochs, groups.get("p:"), groups.get("m:"), groups.get("v:"),
                Files.readAllBytes(best)));
    }

    /** The data file the state names under {@code key}, checked against the SHA-256 recorded beside it. */
    private static Path dataFile(Path dir, JsonNode state, String key) throws IOException {
        String name = state.path(key).path("file").asText();
        if (!DATA_FILE.matcher(name).matches()) {
            throw new IOException(dir.resolve(STATE) + ": no valid '" + key + "' entry (a checkpoint of an older "
                    + "StanceKit, or edited); delete " + dir + " to start over");
        }
        Path file = dir.resolve(name);
        if (!Files.exists(file) || !Sha256.of(file).equals(state.path(key).path("sha256").asText())) {
            throw new IOException(file + " is missing or does not match its SHA-256 in " + dir.resolve(STATE)
                    + " (changed after it was written); delete " + dir + " to start over");
        }
        return file;
    }
}
