package dev.gatehouse.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Describes the machine the report is written on, from {@code /proc} where Linux has it. */
final class Machine {

  private Machine() {}

  static String describe(String jdk) throws IOException {
    String cpu = "unknown";
    String memory = "unknown";
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      cpu = field(Files.readAllLines(cpuinfo), "model name");
    }
    Path meminfo = Path.of("/proc/meminfo");
    if (Files.isReadable(meminfo)) {
      String total = field(Files.readAllLines(meminfo), "MemTotal").replace("kB", "").strip();
      memory = String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(total) / 1024.0 / 1024.0);
    }
    return "| | |\n|---|---|\n"
        + "| processors (nproc) | "
        + Runtime.getRuntime().availableProcessors()
        + " |\n"
        + "| CPU | "
        + cpu
        + " |\n"
        + "| memory | "
        + memory
        + " |\n"
        + "| OS | "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.version")
        + " |\n"
        + "| JDK of the run | "
        + jdk
        + " |\n";
  }

  private static String field(List<String> lines, String key) {
    for (String line : lines) {
      if (line.startsWith(key)) {
        return line.substring(line.indexOf(':') + 1).strip();
      }
    }
    return "unknown";
  }
}
