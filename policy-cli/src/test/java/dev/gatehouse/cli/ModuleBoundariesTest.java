package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Gatehouse modules on this class path export their API and nothing else: javac refuses a
 * module that uses another's unexported package, and this keeps the descriptors from exporting one
 * in the first place.
 */
final class ModuleBoundariesTest {

  @Test
  void descriptors_exportNoInternalPackageToEveryone() throws IOException {
    Map<String, ModuleDescriptor> modules = gatehouseModules();
    // The CLI's class path holds the modules it is built from, the API and the engine among them.
    assertThat(modules)
        .containsKeys(
            "dev.gatehouse.api",
            "dev.gatehouse.dsl",
            "dev.gatehouse.engine",
            "dev.gatehouse.monitor",
            "dev.gatehouse.servlet");
    List<String> open = new ArrayList<>();
    for (ModuleDescriptor m : modules.values()) {
      for (ModuleDescriptor.Exports e : m.exports()) {
        if (!e.isQualified()
            && (e.source().contains(".internal") || e.source().endsWith(".reference"))) {
          open.add(m.name() + " exports " + e.source());
        }
      }
      if (m.isOpen() || !m.opens().stream().allMatch(ModuleDescriptor.Opens::isQualified)) {
        open.add(m.name() + " opens packages to everyone");
      }
    }
    assertThat(open).isEmpty();
  }

  @Test
  void descriptors_exportOnlyTheirOwnPackages() throws IOException {
    List<String> foreign = new ArrayList<>();
    for (ModuleDescriptor m : gatehouseModules().values()) {
      for (ModuleDescriptor.Exports e : m.exports()) {
        if (!(e.source().equals(m.name()) || e.source().startsWith(m.name() + "."))) {
          foreign.add(m.name() + " exports " + e.source());
        }
        for (String target : e.targets()) {
          if (!target.startsWith("dev.gatehouse.")) {
            foreign.add(m.name() + " exports " + e.source() + " to " + target);
          }
        }
      }
    }
    assertThat(foreign).isEmpty();
  }

  @Test
  void internalPackages_areExportedOnlyToNamedGatehouseModules() throws IOException {
    ModuleDescriptor api = gatehouseModules().get("dev.gatehouse.api");
    ModuleDescriptor engine = gatehouseModules().get("dev.gatehouse.engine");

    assertThat(exports(api))
        .containsEntry("dev.gatehouse.api", List.of())
        .containsEntry(
            "dev.gatehouse.api.internal", List.of("dev.gatehouse.cli", "dev.gatehouse.dsl"));
    assertThat(exports(engine))
        .containsEntry("dev.gatehouse.engine", List.of())
        .containsEntry("dev.gatehouse.engine.reference", List.of("dev.gatehouse.analysis"))
        .doesNotContainKey("dev.gatehouse.engine.internal");
  }

  private static Map<String, List<String>> exports(ModuleDescriptor m) {
    Map<String, List<String>> exports = new TreeMap<>();
    for (ModuleDescriptor.Exports e : m.exports()) {
      List<String> targets = new ArrayList<>(e.targets());
      Collections.sort(targets);
      exports.put(e.source(), targets);
    }
    return exports;
  }

  /** Reads every {@code module-info.class} on the class path that names a Gatehouse module. */
  private static Map<String, ModuleDescriptor> gatehouseModules() throws IOException {
    Map<String, ModuleDescriptor> modules = new TreeMap<>();
    ClassLoader loader = ModuleBoundariesTest.class.getClassLoader();
    for (URL url : Collections.list(loader.getResources("module-info.class"))) {
      try (InputStream in = url.openStream()) {
        ModuleDescriptor m = ModuleDescriptor.read(in);
        if (m.name().startsWith("dev.gatehouse.")) {
          modules.put(m.name(), m);
        }
      }
    }
    return modules;
  }
}
