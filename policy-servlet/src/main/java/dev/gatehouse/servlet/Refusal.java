package dev.gatehouse.servlet;

import java.util.Locale;

/** Why the filter denied a request without a policy decision; named in the problem body. */
enum Refusal {
  /** No subject resolver could say who is asking. */
  SUBJECT_UNRESOLVED,
  /** The forwarding headers of a trusted proxy did not lead to a client address. */
  CLIENT_ADDRESS_UNKNOWN,
  /** No app mapping covers the path. */
  UNMAPPED_PATH,
  /** A value the host supplied does not fit the schema, or building the request failed. */
  REQUEST_INVALID,
  /** The filter was never configured. */
  NOT_CONFIGURED,
  /** The raw path has dot segments, {@code //}, {@code ;} or encoded separators (400). */
  UNSAFE_PATH;

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
