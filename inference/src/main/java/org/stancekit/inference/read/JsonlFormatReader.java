package org.stancekit.inference.read;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import org.stancekit.runtime.Json;

/** A {@code .jsonl} file or standard input: one JSON object a line with id and text fields. */
final class JsonlFormatReader implements FormatReader {

    /** Refuses a line with anything after its object: "{...} trailing" is not one JSON value. */
    private static final ObjectReader JSON = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public void read(InputStream in, String file, ArticleSink out) throws IOException {
        // JSON escapes (\\uXXXX) take six bytes for one character.
        RecordReader records = new RecordReader(in, RecordReader.Mode.LINES, out.recordByteLimit(6));
        RecordReader.Record record;
        while ((record = records.next()) != null) {
            String location = file + ":" + record.line();
            String line = out.decode(record, location);
            if (line != null && !line.isBlank()) {
                row(line, location, out);
            }
        }
    }

    private static void row(String line, String location, ArticleSink out) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            out.failed(location, "", "invalid JSON");
            return;
        }
        ReaderOptions options = out.options();
        JsonNode id = node.get(options.idColumn());
        JsonNode text = node.get(options.textColumn());
        if (id == null || text == null || !text.isTextual() || !(id.isTextual() || id.isNumber())) {
            out.failed(location, "", "expected an object with '" + options.idColumn()
                    + "' and '" + options.textColumn() + "' fields");
        } else {
            out.article(id.asText().strip(), text.asText(), location);
        }
    }
}
