/** The {@code gatehouse} command line. It exports nothing; picocli reads its commands. */
module dev.gatehouse.cli {
  opens dev.gatehouse.cli to
      info.picocli;

  requires dev.gatehouse.analysis;
  requires dev.gatehouse.bundle;
  requires dev.gatehouse.dashboard;
  requires dev.gatehouse.dsl;
  requires dev.gatehouse.engine;
  requires dev.gatehouse.monitor;
  requires dev.gatehouse.servlet;
  requires com.fasterxml.jackson.databind;
  requires info.picocli;
  requires io.github.javadiffutils;
  requires org.eclipse.jetty.ee10.servlet;
  requires static org.jspecify;
}
