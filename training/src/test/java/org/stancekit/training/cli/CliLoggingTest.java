package org.stancekit.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The training CLI brings its own log binding now that stancekit-model, a library, does not. */
class CliLoggingTest {

    @Test
    void theCliLogsThroughSlf4jSimpleWhichLoggingConfigures() {
        // Any other binding (or none: slf4j's no-op) would ignore the levels Logging sets, and
        // DL4J's INFO lines would flood standard error or -v would show nothing.
        assertEquals("org.slf4j.impl.SimpleLoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName());
    }
}
