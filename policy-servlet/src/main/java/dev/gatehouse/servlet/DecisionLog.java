package dev.gatehouse.servlet;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.IpAddress;
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

  /** Keeps a host- or client-supplied value on one line. */
  static String clean(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return "-";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      out.append(c < 0x20 || c == 0x7f || c == ' ' ? '_' : c);
    }
    return out.toString();
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
