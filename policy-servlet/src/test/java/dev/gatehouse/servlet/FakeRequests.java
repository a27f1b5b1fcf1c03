package dev.gatehouse.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Map;

/** Minimal in-memory requests for unit tests, answering only what the code under test asks. */
final class FakeRequests {

  private FakeRequests() {}

  /** A request with a principal (or none), attributes, a method and headers, and no session. */
  static HttpServletRequest request(
      String principal,
      Map<String, Object> attributes,
      String method,
      Map<String, String> headers) {
    Principal p = principal == null ? null : () -> principal;
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            FakeRequests.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, m, args) -> {
              switch (m.getName()) {
                case "getUserPrincipal":
                  return p;
                case "getAttribute":
                  return attributes.get((String) args[0]);
                case "getSession":
                  return null;
                case "getMethod":
                  return method;
                case "getHeader":
                  return headers.get((String) args[0]);
                default:
                  throw new UnsupportedOperationException(m.getName());
              }
            });
  }
}
