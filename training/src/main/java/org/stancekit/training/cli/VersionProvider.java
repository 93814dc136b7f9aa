package org.stancekit.training.cli;

import java.util.Map;
import org.stancekit.bundle.Versions;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: StanceKit's and its libraries' versions. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        Map<String, String> v = Versions.libraries();
        return v.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toArray(String[]::new);
    }
}
