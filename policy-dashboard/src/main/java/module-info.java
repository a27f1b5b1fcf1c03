/** The sign-in dashboard and the self-contained sign-in report. */
module dev.gatehouse.dashboard {
  exports dev.gatehouse.dashboard;

  requires transitive dev.gatehouse.monitor;
  requires transitive dev.gatehouse.servlet;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires static org.jspecify;
}
