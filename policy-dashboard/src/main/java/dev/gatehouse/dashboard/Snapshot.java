package dev.gatehouse.dashboard;

import dev.gatehouse.dashboard.internal.EventIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events as last read, with each user's directory attributes grouped into profiles: users with
 * the same attributes are decided once, so scoping a million events to a department costs one
 * evaluation per distinct profile.
 *
 * @param index the events
 * @param profileOfUser each user's profile by user position, -1 when the directory failed
 * @param profiles the distinct attribute maps
 */
record Snapshot(EventIndex index, int[] profileOfUser, List<Map<String, ?>> profiles) {

  private static final Logger LOG = LoggerFactory.getLogger(Snapshot.class);

  static Snapshot of(EventIndex index, UserDirectory directory) {
    List<String> users = index.users();
    int[] profileOfUser = new int[users.size()];
    Map<Map<String, ?>, Integer> ids = new HashMap<>();
    List<Map<String, ?>> profiles = new ArrayList<>();
    int failures = 0;
    for (int u = 0; u < profileOfUser.length; u++) {
      Map<String, ?> attributes;
      try {
        attributes = Map.copyOf(directory.attributes(users.get(u)));
      } catch (RuntimeException e) {
        // A user the directory cannot answer for is shown to no scoped administrator.
        profileOfUser[u] = -1;
        failures++;
        continue;
      }
      Integer id = ids.get(attributes);
      if (id == null) {
        id = profiles.size();
        ids.put(attributes, id);
        profiles.add(attributes);
      }
      profileOfUser[u] = id;
    }
    if (failures > 0) {
      LOG.warn(
          "the user directory failed for {} users; they are hidden from scoped views", failures);
    }
    return new Snapshot(index, profileOfUser, List.copyOf(profiles));
  }
}
