package dev.gatehouse.engine.internal;

/** The three shapes of request the semantics distinguishes, read from {@code request.action}. */
public enum RequestKind {
  /** {@code signin}: no app, no assignment step. */
  SIGNIN,
  /** {@code access}: access to the app in {@code app}. */
  ACCESS,
  /** Any other action: an admin action on {@code target.*}. */
  ADMIN;

  /** Returns the kind of the action named {@code action}. */
  public static RequestKind of(String action) {
    if (action.equals("access")) {
      return ACCESS;
    }
    return action.equals("signin") ? SIGNIN : ADMIN;
  }
}
