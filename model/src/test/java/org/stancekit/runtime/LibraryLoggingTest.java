package org.stancekit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * stancekit-model is a library: its libraries (DL4J, ND4J) log through slf4j-api, and it leaves
 * the binding to its users (the CLIs bring slf4j-simple). A binding on its compile or runtime class
 * path would be forced on every application that embeds it, beside the application's own (slf4j
 * then warns of two). It declares no slf4j-api of its own: it never calls it, and
 * {@code dependency:analyze} keeps each POM to what its module uses.
 */
class LibraryLoggingTest {

    @Test
    void theModelModuleDeclaresNoLoggingBindingButForItsTests() throws Exception {
        // Surefire runs in the module's folder.
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile()).getDocumentElement();
        List<String> slf4j = new ArrayList<>();
        NodeList dependencies = project.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element d = (Element) dependencies.item(i);
            if (text(d, "groupId").equals("org.slf4j")) {
                String scope = text(d, "scope");
                slf4j.add(text(d, "artifactId") + ":" + (scope.isEmpty() ? "compile" : scope));
            }
        }
        assertEquals(List.of("slf4j-simple:test"), slf4j);
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
