package org.stancekit.spark.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.stancekit.bundle.BundleFormatException;
import org.stancekit.bundle.BundleReader;
import org.stancekit.runtime.Sha256;

/**
 * A model bundle as the bytes of its {@code .zip}, the unit shipped to executors: broadcast once
 * per job and read on each executor by the untrusted-bundle reader ({@link BundleReader}), never
 * deserialised as Java objects beyond this byte array. The SHA-256 of the bytes names the bundle in
 * each executor's {@link ExecutorModels} cache.
 *
 * @param origin how messages name the bundle ({@code shipped fast model}, a file name)
 * @param bytes the bundle's bytes
 * @param sha256 hex SHA-256 of {@code bytes}
 */
public record BundleBytes(String origin, byte[] bytes, String sha256) implements Serializable {

    private static final long serialVersionUID = 1L;

    public BundleBytes {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(sha256, "sha256");
    }

    /**
     * The bundle {@code --model} names: {@code default} or {@code fast} (shipped inside StanceKit),
     * a bundle file on the driver, or the default model when {@code null}; the same choice as
     * {@link BundleReader#readOrDefault}.
     *
     * @throws IOException when the file cannot be read or the shipped model is missing
     */
    public static BundleBytes of(String model) throws IOException {
        String name = model == null ? "default" : model;
        if (BundleReader.SHIPPED.containsKey(name) && !Files.exists(Path.of(name))) {
            try (InputStream in = BundleReader.class.getResourceAsStream(BundleReader.SHIPPED.get(name))) {
                if (in == null) {
                    throw new BundleFormatException("the shipped " + name + " model is missing from the class path");
                }
                return of("shipped " + name + " model", in.readAllBytes());
            }
        }
        try {
            return of(name, Files.readAllBytes(Path.of(name)));
        } catch (NoSuchFileException e) {
            throw new BundleFormatException(name + ": no such model bundle");
        }
    }

    /** Bytes read elsewhere (a test, a bundle fetched from object storage). */
    public static BundleBytes of(String origin, byte[] bytes) {
        return new BundleBytes(origin, bytes.clone(), Sha256.of(bytes));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BundleBytes b && b.sha256.equals(sha256);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return origin + " (" + bytes.length + " bytes, sha256 " + sha256 + ")";
    }
}
