package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.PolicyValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

final class PolicyEngineHolderTest {

  private static final PolicySet WITH_MAIL =
      PolicySet.builder(Acme.SCHEMA)
          .add(AssignPolicy.builder("mail").grant("mail", "user").build())
          .build();
  private static final PolicySet WITH_BOOKS =
      PolicySet.builder(Acme.SCHEMA)
          .add(
              AssignPolicy.builder("books")
                  .grant("books", "reader")
                  .when(Condition.eq("user.department", "Finance"))
                  .build())
          .build();

  @Test
  void swap_newSet_isUsedAndListenersAreTold() {
    PolicyEngineHolder holder = new PolicyEngineHolder(PolicyEngine.compile(WITH_MAIL));
    List<String> told = new ArrayList<>();
    holder.addListener(
        (old, now) ->
            told.add(
                old.policySet().policies().get(0).id()
                    + "->"
                    + now.policySet().policies().get(0).id()));
    AccessRequest mail = Acme.financeUser().set("app", "mail").build();
    assertThat(holder.evaluate(mail).effect()).isEqualTo(Effect.PERMIT);

    holder.swap(WITH_BOOKS);

    assertThat(holder.evaluate(mail).effect()).isEqualTo(Effect.DENY);
    assertThat(told).containsExactly("mail->books");
  }

  @Test
  void reload_loaderFails_keepsRunningSetAndRethrows() {
    PolicyEngineHolder holder = new PolicyEngineHolder(PolicyEngine.compile(WITH_MAIL));
    CompiledPolicies running = holder.current();
    List<String> told = new ArrayList<>();
    holder.addListener((old, now) -> told.add("swapped"));

    assertThatThrownBy(
            () ->
                holder.reload(
                    () -> {
                      throw new PolicyValidationException(
                          List.of("unknown attribute `user.departmnet`"));
                    }))
        .isInstanceOf(PolicyValidationException.class)
        .hasMessage("unknown attribute `user.departmnet`");

    assertThat(holder.current()).isSameAs(running);
    assertThat(told).isEmpty();
  }

  @Test
  void swap_failingListener_doesNotUndoTheSwapNorSilenceOthers() {
    PolicyEngineHolder holder = new PolicyEngineHolder(PolicyEngine.compile(WITH_MAIL));
    List<String> told = new ArrayList<>();
    holder.addListener(
        (old, now) -> {
          throw new IllegalStateException("listener bug");
        });
    holder.addListener((old, now) -> told.add("second"));

    CompiledPolicies now = holder.swap(WITH_BOOKS);

    assertThat(holder.current()).isSameAs(now);
    assertThat(told).containsExactly("second");
  }

  @Test
  void evaluate_whileAnotherThreadSwaps_everyDecisionMatchesOneOfTheSets() throws Exception {
    CompiledPolicies mail = PolicyEngine.compile(WITH_MAIL);
    CompiledPolicies books = PolicyEngine.compile(WITH_BOOKS);
    AccessRequest[] requests = {
      Acme.financeUser().set("app", "mail").build(), Acme.financeUser().set("app", "books").build()
    };
    PolicyEngineHolder holder = new PolicyEngineHolder(mail);
    AtomicBoolean running = new AtomicBoolean(true);
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    CountDownLatch started = new CountDownLatch(threads);
    List<Future<Integer>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                started.countDown();
                int n = 0;
                while (running.get()) {
                  // Both requests on one snapshot: they must agree on which set answered.
                  CompiledPolicies snapshot = holder.current();
                  Decision a = snapshot.evaluate(requests[0]);
                  Decision b = snapshot.evaluate(requests[1]);
                  boolean isMail =
                      a.equals(mail.evaluate(requests[0])) && b.equals(mail.evaluate(requests[1]));
                  boolean isBooks =
                      a.equals(books.evaluate(requests[0]))
                          && b.equals(books.evaluate(requests[1]));
                  if (isMail == isBooks) {
                    problems.add(a + " / " + b);
                  }
                  n++;
                }
                return n;
              }));
    }
    started.await();
    Future<?> swapper =
        pool.submit(
            () -> {
              for (int i = 0; i < 2_000; i++) {
                holder.swap(i % 2 == 0 ? WITH_BOOKS : WITH_MAIL);
              }
            });
    swapper.get(60, TimeUnit.SECONDS);
    running.set(false);
    int evaluated = 0;
    for (Future<Integer> w : workers) {
      evaluated += w.get(10, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(problems).isEmpty();
    assertThat(evaluated).isGreaterThan(threads);
  }

  @Test
  void swapAndReload_configuredClockSkew_isKept() {
    PolicyEngineHolder holder =
        new PolicyEngineHolder(PolicyEngine.compile(WITH_MAIL, java.time.Duration.ofSeconds(30)));

    assertThat(holder.swap(WITH_BOOKS).clockSkew()).hasSeconds(30);
    assertThat(holder.reload(() -> WITH_MAIL).clockSkew()).hasSeconds(30);
  }
}
