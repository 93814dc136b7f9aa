package org.stancekit.training.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class XmlTest {

    @Test
    void escapesMarkupAndDropsWhatXmlCannotHold() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", Xml.text("a <b> & \"c\" 'd'"));
        assertEquals("bell\uFFFD and \uFFFD lone surrogate", Xml.text("bell\u0007 and \uD800 lone surrogate"));
        assertEquals("😀 ok", Xml.text("😀 ok"));
        assertEquals("two\nlines", Xml.text("two\nlines"));
        assertEquals("two&#10;lines&#9;tab", Xml.attr("two\nlines\ttab"));
    }

    @Test
    void markdownEscapeKeepsTablesAndHtmlInert() {
        assertEquals("a\\|b \\<i> \\[x\\](y) weka\\_nb \\&amp; \\\\", MarkdownReport.escape("a|b <i> [x](y) weka_nb &amp; \\"));
        assertEquals("one two", MarkdownReport.escape("one\ntwo"));
    }
}
