package org.stancekit.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stancekit.runtime.Json;
import org.stancekit.transformer.WeightsFile;

/**
 * Restores a fast model's DL4J network from the bundle's {@code network.zip} without DL4J's
 * {@code ModelSerializer}, which deserialises any {@code preprocessor.bin} it finds with an
 * unfiltered {@code ObjectInputStream} (a remote-code-execution risk with gadget libraries such as
 * commons-collections on the class path). Only the two entries a network needs are read:
 * <ul>
 *   <li>{@code configuration.json}, whose every {@code @class} (Jackson's type ids, which choose the
 *       class Jackson instantiates) must name a class of DL4J's or ND4J's configuration packages;</li>
 *   <li>{@code coefficients.bin}, ND4J's binary array format, whose length fields are checked
 *       against the bytes actually present before ND4J allocates anything (a flipped length byte
 *       would otherwise ask for terabytes).</li>
 * </ul>
 * Any other entry, or either of these twice, refuses the bundle.
 */
final class NetworkReader {

    static final String CONFIGURATION = "configuration.json";
    static final String COEFFICIENTS = "coefficients.bin";
    /** Packages whose classes a network configuration may name. */
    private static final List<String> CONFIGURATION_PACKAGES = List.of("org.deeplearning4j.nn.conf.",
            "org.deeplearning4j.nn.weights.", "org.nd4j.linalg.activations.", "org.nd4j.linalg.learning.",
            "org.nd4j.linalg.lossfunctions.", "org.nd4j.linalg.schedule.");

    private final Inflation inflation;

    /** A reader whose inflated bytes count against the bundle's {@code inflation} limits. */
    NetworkReader(Inflation inflation) {
        this.inflation = inflation;
    }

    /** The network in {@code zipBytes}; {@code where} names the entry in messages. */
    ComputationGraph read(byte[] zipBytes, String where) throws IOException {
        Map<String, byte[]> entries = entries(zipBytes, where);
        String json = new String(entries.get(CONFIGURATION), StandardCharsets.UTF_8);
        requireConfigurationClasses(json, where + "!" + CONFIGURATION);
        byte[] coefficients = entries.get(COEFFICIENTS);
        requireWholeArrays(coefficients, where + "!" + COEFFICIENTS);
        try {
            ComputationGraphConfiguration configuration = ComputationGraphConfiguration.fromJson(json);
            INDArray parameters;
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(coefficients))) {
                parameters = Nd4j.read(in);
            }
            requirePlausible(parameters, where + "!" + COEFFICIENTS);
            ComputationGraph network = new ComputationGraph(configuration);
            network.init(parameters, false);
            return network;
        } catch (BundleFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BundleFormatException(where + ": the network cannot be restored: " + e.getMessage(), e);
        }
    }

    /** Every parameter is finite and no larger than {@link WeightsFile#MAX_WEIGHT}. */
    private static void requirePlausible(INDArray parameters, String where) throws BundleFormatException {
        for (float v : parameters.data().asFloat()) {
            if (!(Math.abs(v) <= WeightsFile.MAX_WEIGHT)) {
                throw new BundleFormatException(where + ": holds " + v + ", not a weight any trained network has (damaged file)");
            }
        }
    }

    /** True when every value of {@code array} is a finite number. */
    static boolean finite(INDArray array) {
        for (float v : array.data().asFloat()) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private Map<String, byte[]> entries(byte[] zipBytes, String where) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        Inflation.Counted compressed = new Inflation.Counted(new ByteArrayInputStream(zipBytes));
        try (ZipInputStream zip = new ZipInputStream(compressed)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String entry = where + "!" + e.getName();
                if (!e.getName().equals(CONFIGURATION) && !e.getName().equals(COEFFICIENTS)) {
                    throw new BundleFormatException(entry + ": unexpected entry (a network holds only " + CONFIGURATION
                            + " and " + COEFFICIENTS + "; StanceKit never reads serialised Java objects such as preprocessor.bin)");
                }
                if (entries.containsKey(e.getName())) {
                    throw new BundleFormatException(entry + ": the entry appears twice");
                }
                entries.put(e.getName(), inflation.read(zip, entry, compressed));
            }
        } catch (ZipException | EOFException e) {
            throw new BundleFormatException(where + ": not a whole zip file (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            // ZipInputStream's answer to an entry name that is not UTF-8.
            throw new BundleFormatException(where + ": damaged zip file (an entry name is not valid text: "
                    + e.getMessage() + ")", e);
        }
        for (String name : List.of(CONFIGURATION, COEFFICIENTS)) {
            if (!entries.containsKey(name)) {
                throw new BundleFormatException(where + " has no " + name);
            }
        }
        return entries;
    }

    /** Every {@code @class} in the configuration names a class in {@link #CONFIGURATION_PACKAGES}. */
    private static void requireConfigurationClasses(String json, String where) throws BundleFormatException {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new BundleFormatException(where + ": not valid JSON: " + e.getMessage(), e);
        }
        for (JsonNode type : tree.findValues("@class")) {
            String name = type.asText();
            if (!type.isTextual() || CONFIGURATION_PACKAGES.stream().noneMatch(name::startsWith)) {
                throw new BundleFormatException(where + ": refers to class '" + name
                        + "', which no network configuration uses; refused");
            }
        }
    }

    /**
     * ND4J's array format is two buffers, each an allocation-mode string, a length, a type name and
     * the values: first the shape information ({@code rank, dims..., strides..., extras, stride,
     * order}), then the data. Each length must fit in the bytes that follow and the dimensions must
     * multiply to the data's length, or ND4J would allocate, or read, far past what is there.
     */
    private static void requireWholeArrays(byte[] coefficients, String where) throws BundleFormatException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(coefficients))) {
            Buffer shapeBuffer = buffer(in, "shape", where);
            if (shapeBuffer.width() != 8 || shapeBuffer.length() > 68) {
                throw new BundleFormatException(where + ": malformed shape information");
            }
            long[] shape = new long[(int) shapeBuffer.length()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = in.readLong();
            }
            long rank = shape.length == 0 ? -1 : shape[0];
            if (rank < 0 || rank > 32 || shape.length != 2 * rank + 4) {
                throw new BundleFormatException(where + ": malformed shape information");
            }
            long elements = 1;
            for (int d = 1; d <= rank; d++) {
                if (shape[d] < 0 || shape[d] > Integer.MAX_VALUE) {
                    throw new BundleFormatException(where + ": malformed shape information");
                }
                elements = Math.multiplyExact(elements, Math.max(1, shape[d]));
            }
            Buffer data = buffer(in, "data", where);
            if (data.length() != elements) {
                throw new BundleFormatException(where + ": the shape holds " + elements + " values but the data " + data.length());
            }
            if (in.available() != data.length() * data.width()) {
                throw new BundleFormatException(where + ": " + (in.available() - data.length() * data.width())
                        + " bytes after the data");
            }
        } catch (BundleFormatException e) {
            throw e;
        } catch (IOException | ArithmeticException e) {
            throw new BundleFormatException(where + ": truncated or malformed (" + e.getMessage() + ")", e);
        }
    }

    /** A buffer's header: how many values, and the bytes each takes. */
    private record Buffer(long length, int width) {
    }

    /** Reads a buffer's header and checks that its values fit in the bytes that follow. */
    private static Buffer buffer(DataInputStream in, String buffer, String where) throws IOException {
        in.readUTF();
        long length = in.readLong();
        String type = in.readUTF();
        int width = switch (type) {
            case "DOUBLE", "LONG", "UINT64" -> 8;
            case "FLOAT", "INT", "UINT32" -> 4;
            case "HALF", "BFLOAT16", "SHORT", "UINT16" -> 2;
            case "BYTE", "UBYTE", "BOOL" -> 1;
            default -> throw new BundleFormatException(where + ": unknown " + buffer + " type '" + type + "'");
        };
        if (length < 0 || length > in.available() / width) {
            throw new BundleFormatException(where + ": the " + buffer + " buffer claims " + length + " values of "
                    + type + " but the file holds " + in.available() + " more bytes");
        }
        return new Buffer(length, width);
    }
}
