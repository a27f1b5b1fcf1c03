package dev.gatehouse.monitor.redis.internal;

import dev.gatehouse.monitor.Location;
import dev.gatehouse.monitor.SignInEvent;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The events whose write failed while Redis was away, bounded; the ones that do not fit are counted
 * as dropped, with a warning for the first and every thousandth.
 */
public final class Outbox {

  private static final System.Logger LOG = System.getLogger(Outbox.class.getName());

  /**
   * An event still to be written.
   *
   * @param event the event
   * @param location where its address is, or null
   * @param parts the parts still to write
   */
  public record Pending(
      SignInEvent event, @Nullable Location location, Set<RedisHistory.Part> parts) {}

  private final BlockingQueue<Pending> queue;
  private final AtomicLong buffered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong replayed = new AtomicLong();

  /**
   * Creates an empty outbox.
   *
   * @param capacity how many events it holds at most
   */
  public Outbox(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /**
   * Keeps an event for later, or counts it as dropped when full.
   *
   * @param pending the event
   */
  public void add(Pending pending) {
    if (queue.offer(pending)) {
      buffered.incrementAndGet();
      return;
    }
    long n = dropped.incrementAndGet();
    if (n == 1 || n % 1000 == 0) {
      LOG.log(
          Level.WARNING, "redis unreachable and sign-in outbox full: {0} events dropped so far", n);
    }
  }

  /**
   * Writes the held events in order until one fails again.
   *
   * @param history the commands
   * @param timeoutMillis how long one write may take
   */
  public void drain(RedisHistory history, long timeoutMillis) {
    Pending head;
    while ((head = queue.peek()) != null) {
      Set<RedisHistory.Part> failed;
      try {
        failed =
            history
                .write(head.event(), head.location(), head.parts())
                .get(timeoutMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        return;
      }
      queue.poll();
      if (!failed.isEmpty()) {
        // Keep what is still missing; the next drain tries again.
        queue.offer(new Pending(head.event(), head.location(), failed));
        return;
      }
      replayed.incrementAndGet();
    }
  }

  /**
   * Counts the events still waiting as dropped, with one warning naming how many: for a store that
   * closes while Redis is away, so that no event is lost without being counted.
   *
   * @return how many events were waiting
   */
  public int abandon() {
    int n = 0;
    while (queue.poll() != null) {
      n++;
    }
    if (n > 0) {
      long total = dropped.addAndGet(n);
      LOG.log(
          Level.WARNING,
          "closed with redis unreachable: {0} sign-in events dropped ({1} so far)",
          n,
          total);
    }
    return n;
  }

  /** {@return how many events are waiting} */
  public int waiting() {
    return queue.size();
  }

  /** {@return how many events were ever held for later} */
  public long buffered() {
    return buffered.get();
  }

  /**
   * Returns how many events were dropped because the outbox was full.
   *
   * @return how many events were dropped
   */
  public long dropped() {
    return dropped.get();
  }

  /** {@return how many held events were written later} */
  public long replayed() {
    return replayed.get();
  }
}
