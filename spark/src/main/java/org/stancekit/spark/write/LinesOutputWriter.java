package org.stancekit.spark.write;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.CodecStreams;
import org.apache.spark.sql.execution.datasources.OutputWriter;

/** Writes one file of lines: the header, then every row's string as UTF-8, unchanged. */
final class LinesOutputWriter extends OutputWriter {

    private final String path;
    private final OutputStream out;

    LinesOutputWriter(String path, String header, TaskAttemptContext context) {
        this.path = path;
        this.out = new BufferedOutputStream(CodecStreams.createOutputStream(context, new Path(path)), 1 << 16);
        try {
            out.write(header.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot write", e);
        }
    }

    @Override
    public void write(InternalRow row) {
        try {
            row.getUTF8String(0).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot write", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot close", e);
        }
    }

    @Override
    public String path() {
        return path;
    }
}
