package dev.gatehouse.servlet;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.text.Printable;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * Writes the one line per decision: user, app, action, client address, effect, reason codes,
 * matching policy ids and report-only outcomes, and nothing else of the request.
 */
final class DecisionLog {

  private static final String FORMAT =
      "decision effect={} user={} app={} action={} ip={} reasons={} policies={} report_only={}";

  private final Logger logger;
  private final @Nullable Level level;

  /** Logs to {@code logger} at {@code level}; {@code OFF} logs nothing. */
  DecisionLog(Logger logger, System.Logger.Level level) {
    this.logger = logger;
    this.level = toSlf4j(level);
  }

  boolean isEnabled() {
    return level != null && logger.isEnabledForLevel(level);
  }

  void decided(AccessRequest request, AppMapping.Target target, IpAddress ip, Decision decision) {
    if (isEnabled()) {
      logger
          .atLevel(level)
          .log(
              FORMAT,
              decision.effect(),
              clean(request.value("user.id").map(Object::toString).orElse(null)),
              clean(target.app()),
              target.action(),
              ip,
              Responses.codes(decision),
              decision.matched(),
              decision.reportOnly());
    }
  }

  void refused(
      @Nullable String app, @Nullable String action, @Nullable String ip, Refusal refusal) {
    if (isEnabled()) {
      logger
          .atLevel(level)
          .log(
              FORMAT,
              "DENY",
              "-",
              clean(app),
              clean(action),
              clean(ip),
              List.of(refusal.id()),
              List.of(),
              List.of());
    }
  }

  /**
   * Keeps a host- or client-supplied value on one line and in its field: every control, format
   * (bidi), line-separator or non-ASCII space character escaped as {@code \}{@code u{hex}}, and an
   * ASCII space written as {@code _}, so that no value reads as another field or another line.
   */
  static String clean(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return "-";
    }
    return Printable.escape(value).replace(' ', '_');
  }

  private static @Nullable Level toSlf4j(System.Logger.Level level) {
    switch (level) {
      case ALL:
      case TRACE:
        return Level.TRACE;
      case DEBUG:
        return Level.DEBUG;
      case INFO:
        return Level.INFO;
      case WARNING:
        return Level.WARN;
      case ERROR:
        return Level.ERROR;
      default:
        return null;
    }
  }
}
