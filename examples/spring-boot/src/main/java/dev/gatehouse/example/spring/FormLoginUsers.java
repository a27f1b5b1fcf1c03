package dev.gatehouse.example.spring;

import dev.gatehouse.servlet.SubjectResolver;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The form-login variant: three users whose password is their name, and a directory giving the
 * attributes a form login does not carry. Roles come from the users' authorities.
 */
@Configuration(proxyBeanMethods = false)
@Profile("form")
class FormLoginUsers {

  private static final Map<String, Map<String, String>> DIRECTORY =
      Map.of(
          "fiona", Map.of("user.department", "Finance", "user.country", "FR"),
          "sam", Map.of("user.department", "Sales", "user.country", "FR"),
          "ivan", Map.of("user.department", "IT", "user.country", "FR"));

  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(
        User.withUsername("fiona").password("{noop}fiona").roles("staff").build(),
        User.withUsername("sam").password("{noop}sam").roles("staff").build(),
        User.withUsername("ivan").password("{noop}ivan").roles("sysadmin").build());
  }

  /** Looks the signed-in user up in the directory; an unknown user stays unresolved. */
  @Bean
  SubjectResolver directory() {
    return (request, subject) -> {
      String user = request.getRemoteUser();
      Map<String, String> attributes = user == null ? null : DIRECTORY.get(user);
      if (attributes == null) {
        return false;
      }
      attributes.forEach(subject::set);
      subject.set("user.employment", "employee").set("risk.level", "low");
      return true;
    };
  }
}
