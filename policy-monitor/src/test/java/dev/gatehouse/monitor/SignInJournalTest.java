package dev.gatehouse.monitor;

import static dev.gatehouse.monitor.Histories.BERLIN;
import static dev.gatehouse.monitor.Histories.PARIS;
import static dev.gatehouse.monitor.Histories.dayEleven;
import static dev.gatehouse.monitor.Histories.event;
import static dev.gatehouse.monitor.Histories.signIn;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SignInJournalTest {

  @TempDir Path dir;

  private SignInMonitor monitor(Path file, long maxBytes) {
    return SignInMonitor.builder().locator(Histories.LOCATOR).journal(file, maxBytes).build();
  }

  private static SignInJournal journal(SignInMonitor monitor) {
    return (SignInJournal) monitor.store();
  }

  @Test
  void build_afterRestart_profilesRebuiltAndSignalsNoLongerLearning() throws Exception {
    Path file = dir.resolve("sign-ins.jsonl");
    SignInMonitor before = monitor(file, 1 << 20);
    Histories.regularUsers(before);
    journal(before).close();

    SignInMonitor after = monitor(file, 1 << 20);
    RiskAssessment risk = after.assess(signIn("alice", dayEleven(9, 0), BERLIN, "phone-x"));

    assertThat(journal(after).replayed()).isEqualTo(30);
    assertThat(after.profile("alice").orElseThrow().trustedSignIns()).isEqualTo(10);
    assertThat(risk.signals())
        .extracting(RiskSignal::signal)
        .containsExactly(SignalKind.NEW_DEVICE, SignalKind.NEW_COUNTRY);
    assertThat(Files.readAllLines(file, UTF_8).get(0))
        .startsWith(
            "{\"user\":\"alice\",\"time\":\"2026-11-01T09:00:00Z\",\"ip\":\"198.51.100.20\"");
  }

  @Test
  void build_tornLastLine_skippedCountedAndNextEventStartsClean() throws Exception {
    Path file = dir.resolve("sign-ins.jsonl");
    SignInMonitor before = monitor(file, 1 << 20);
    before.record(event("bob", dayEleven(9, 0), PARIS, "laptop-b", SignInEvent.Outcome.SUCCESS));
    journal(before).close();
    Files.writeString(file, "{\"user\":\"bob\",\"ti", UTF_8, StandardOpenOption.APPEND);

    SignInMonitor after = monitor(file, 1 << 20);
    after.record(event("bob", dayEleven(10, 0), PARIS, "laptop-b", SignInEvent.Outcome.SUCCESS));
    journal(after).close();
    SignInMonitor third = monitor(file, 1 << 20);

    assertThat(journal(after).skippedLines()).isEqualTo(1);
    assertThat(journal(after).replayed()).isEqualTo(1);
    assertThat(journal(third).replayed()).isEqualTo(2);
    assertThat(journal(third).skippedLines()).isEqualTo(1);
    assertThat(third.profile("bob").orElseThrow().trustedSignIns()).isEqualTo(2);
  }

  @Test
  void record_pastMaxBytes_rotatesKeepingAtMostTwiceTheSize() throws Exception {
    Path file = dir.resolve("sign-ins.jsonl");
    SignInMonitor before = monitor(file, 2048);
    for (int i = 0; i < 60; i++) {
      before.record(event("carol", dayEleven(9, i), PARIS, "d", SignInEvent.Outcome.SUCCESS));
    }
    journal(before).close();
    Path rotated = dir.resolve("sign-ins.jsonl.1");
    long lines = Files.readAllLines(file).size() + Files.readAllLines(rotated).size();

    SignInMonitor after = monitor(file, 2048);

    assertThat(Files.size(file)).isLessThanOrEqualTo(2048);
    assertThat(Files.size(rotated)).isLessThanOrEqualTo(2048);
    assertThat(lines).isBetween(10L, 59L);
    assertThat(journal(after).replayed()).isEqualTo(lines);
    assertThat(after.profile("carol").orElseThrow().history())
        .last()
        .extracting(SignInEvent::time)
        .isEqualTo(dayEleven(9, 59));
  }

  @Test
  void build_journalWithGivenStore_rejected() {
    SignInMonitorBuilder builder =
        SignInMonitor.builder()
            .store(SignInStore.inMemory(MemoryLimits.defaults(), java.time.ZoneOffset.UTC))
            .journal(dir.resolve("x.jsonl"), 4096);

    org.assertj.core.api.Assertions.assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a journal is for the in-memory store, not a given store");
  }

  @Test
  void decode_lineOfExampleFile_readsAsTheCliDoes() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../examples/sign-ins.jsonl"), UTF_8);

    SignInEvent first = SignInEventJson.decode(lines.get(0));

    assertThat(first.userId()).isEqualTo("u-1");
    assertThat(first.policies()).containsExactly("everyone-mail");
    assertThat(SignInEventJson.decode(SignInEventJson.encode(first))).isEqualTo(first);
  }
}
