package org.stancekit.spark.write;

import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.spark.sql.execution.datasources.CodecStreams;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.types.StructType;

/** Opens a {@link LinesOutputWriter} per file a task writes (shipped to the executors). */
final class LinesWriterFactory extends OutputWriterFactory {

    private static final long serialVersionUID = 1L;

    private final String header;
    private final String extension;

    LinesWriterFactory(String header, String extension) {
        this.header = header;
        this.extension = extension;
    }

    @Override
    public String getFileExtension(TaskAttemptContext context) {
        return extension + CodecStreams.getCompressionExtension(context);
    }

    @Override
    public OutputWriter newInstance(String path, StructType schema, TaskAttemptContext context) {
        return new LinesOutputWriter(path, header, context);
    }
}
