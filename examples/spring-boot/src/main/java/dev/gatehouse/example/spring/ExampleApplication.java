package dev.gatehouse.example.spring;

import dev.gatehouse.api.Decision;
import dev.gatehouse.spring.GatehouseAuthorizationManager;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application whose every request Gatehouse decides: the starter installs the security filter
 * chain, and these endpoints only show what they were allowed to.
 */
@SpringBootApplication
public class ExampleApplication {

  /** Creates the application; Spring calls it. */
  public ExampleApplication() {}

  /**
   * Starts the application.
   *
   * @param args Spring Boot's arguments, such as {@code --spring.profiles.active=resource-server}
   */
  public static void main(String[] args) {
    SpringApplication.run(ExampleApplication.class, args);
  }

  /** A few endpoints per app of {@code acme.policy}. */
  @RestController
  static class Endpoints {

    @GetMapping("/books/ledger")
    Map<String, Object> ledger(HttpServletRequest request) {
      return Map.of("app", "books", "page", "ledger", "roles", roles(request));
    }

    @GetMapping("/books/invoices")
    Map<String, Object> invoices(HttpServletRequest request) {
      return Map.of("app", "books", "page", "invoices", "roles", roles(request));
    }

    @GetMapping("/mail/inbox")
    Map<String, Object> inbox(HttpServletRequest request) {
      return Map.of("app", "mail", "page", "inbox", "roles", roles(request));
    }

    @PostMapping("/admin/users/{department}/reset-mfa")
    Map<String, Object> resetMfa(@PathVariable String department) {
      return Map.of("action", "user.reset_mfa", "department", department, "done", true);
    }

    private static List<String> roles(HttpServletRequest request) {
      Object decision = request.getAttribute(GatehouseAuthorizationManager.DECISION_ATTRIBUTE);
      return decision instanceof Decision d ? d.roles() : List.of();
    }
  }
}
