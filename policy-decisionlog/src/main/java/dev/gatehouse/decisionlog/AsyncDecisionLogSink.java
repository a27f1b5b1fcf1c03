package dev.gatehouse.decisionlog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DecisionLogSink} that queues records in a bounded queue and formats and writes them on
 * its own daemon thread, so the deciding thread never waits on a disk, a pipe or a log appender.
 * When the queue is full the record is dropped and counted in {@link #dropped()}; a writer that
 * throws is counted in {@link #failed()} and the thread goes on with the next record.
 *
 * <pre>{@code
 * AsyncDecisionLogSink sink = AsyncDecisionLogSink.toLogger(
 *     LoggerFactory.getLogger("gatehouse.decisions"), DecisionLogFormat.defaults(), 10_000);
 * DecisionLogger decisions = DecisionLogger.of(holder, sink);
 * }</pre>
 *
 * <p>{@link #close()} writes what is queued and stops the thread. Instances are thread-safe.
 */
public final class AsyncDecisionLogSink implements DecisionLogSink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AsyncDecisionLogSink.class);

  private final BlockingQueue<DecisionRecord> queue;
  private final DecisionLogFormat format;
  private final Consumer<String> writer;
  private final LongAdder dropped = new LongAdder();
  private final LongAdder written = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final Thread thread;
  private volatile boolean closed;

  private AsyncDecisionLogSink(DecisionLogFormat format, Consumer<String> writer, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("queue capacity " + capacity + " is not positive");
    }
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.format = requireNonNull(format, "format");
    this.writer = requireNonNull(writer, "writer");
    this.thread = new Thread(this::drain, "gatehouse-decision-log");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Returns a sink handing each formatted line to {@code writer} on the sink's thread.
   *
   * @param format how records are written
   * @param writer takes one JSON line, without the line break
   * @param capacity how many records may wait before new ones are dropped
   * @return the sink, already running
   * @throws IllegalArgumentException if {@code capacity} is not positive
   */
  public static AsyncDecisionLogSink create(
      DecisionLogFormat format, Consumer<String> writer, int capacity) {
    return new AsyncDecisionLogSink(format, writer, capacity);
  }

  /**
   * Returns a sink logging each line at INFO to {@code logger}, such as one named {@code
   * gatehouse.decisions} that the host routes to its own file.
   *
   * @param logger the logger
   * @param format how records are written
   * @param capacity how many records may wait before new ones are dropped
   * @return the sink, already running
   */
  public static AsyncDecisionLogSink toLogger(
      Logger logger, DecisionLogFormat format, int capacity) {
    requireNonNull(logger, "logger");
    return create(format, logger::info, capacity);
  }

  /**
   * Returns a sink writing JSON lines to {@code out}, flushing when the queue runs empty.
   *
   * @param out the writer, such as a file opened for appending; closed by {@link #close()}
   * @param format how records are written
   * @param capacity how many records may wait before new ones are dropped
   * @return the sink, already running
   */
  public static AsyncDecisionLogSink toWriter(Writer out, DecisionLogFormat format, int capacity) {
    requireNonNull(out, "out");
    return create(format, new LineWriter(out), capacity);
  }

  @Override
  public void accept(DecisionRecord record) {
    if (closed || !queue.offer(record)) {
      dropped.increment();
    }
  }

  /**
   * Returns how many records were dropped because the queue was full or the sink closed.
   *
   * @return how many records were dropped
   */
  public long dropped() {
    return dropped.sum();
  }

  /** {@return how many records were written} */
  public long written() {
    return written.sum();
  }

  /** {@return how many records the writer failed on} */
  public long failed() {
    return failed.sum();
  }

  /**
   * Returns how many records wait to be written.
   *
   * @return how many records wait
   */
  public int queued() {
    return queue.size();
  }

  private void drain() {
    while (true) {
      DecisionRecord record;
      try {
        record = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (record == null) {
        // The queue stayed empty for a while: flush, and stop if closing.
        if (writer instanceof LineWriter lines) {
          lines.flush();
        }
        if (closed && queue.isEmpty()) {
          return;
        }
        continue;
      }
      try {
        writer.accept(format.format(record));
        written.increment();
      } catch (RuntimeException e) {
        failed.increment();
        LOG.warn("decision log record `{}` not written: {}", record.id(), e.toString());
      }
      if (queue.isEmpty() && writer instanceof LineWriter lines) {
        lines.flush();
      }
    }
  }

  /**
   * Stops taking records, writes those queued, and closes the writer given to {@link #toWriter}. If
   * the calling thread is interrupted while waiting, it returns at once with its interrupt flag set
   * and the sink's thread finishes the queue on its own.
   */
  @Override
  public void close() {
    closed = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    // A record offered while the sink was closing may have arrived after the thread's last look.
    while (queue.poll() != null) {
      dropped.increment();
    }
    if (writer instanceof LineWriter lines) {
      lines.close();
    }
  }

  @Override
  public String toString() {
    return "AsyncDecisionLogSink{queued "
        + queue.size()
        + ", written "
        + written.sum()
        + ", dropped "
        + dropped.sum()
        + "}";
  }

  /** Writes lines to a {@link Writer}, flushing only when asked. */
  private static final class LineWriter implements Consumer<String> {
    private final Writer out;

    LineWriter(Writer out) {
      this.out = out;
    }

    @Override
    public void accept(String line) {
      try {
        out.write(line);
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        LOG.warn("decision log flush failed: {}", e.toString());
      }
    }

    void close() {
      try {
        out.close();
      } catch (IOException e) {
        LOG.warn("decision log close failed: {}", e.toString());
      }
    }
  }
}
