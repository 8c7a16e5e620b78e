package kr.complaintdesk.platform.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Compacts the embedded H2 database file while the application runs. With {@code WRITE_DELAY=0} (every commit
 * is written before the application answers) H2 does not start the background writer that otherwise rewrites
 * chunks holding little live data, so the file grew by about 0.9 GB per 1,000 cases, ten times its live data
 * (h2database issue #442). Every second this rewrites the live pages of the emptiest chunks, as H2's background
 * writer would, through H2's public {@link MVStore#compact}; H2 reuses the space of emptied chunks once its
 * retention time (45 s) has passed, and a mostly empty file is shrunk by moving chunks. Commits stay
 * synchronous; a pass holds H2's store lock only while it rewrites and stores at most a few MB.
 *
 * <p>Reaching the MVStore behind a JDBC connection is H2 internal API; {@link #mvStore} is the only place that
 * uses it, and {@code H2FileCompactionTest} fails if an H2 upgrade changes it.
 */
@Component
class H2FileCompaction implements DisposableBean {

  /** Compact while less than this share of the chunks' space holds live data (H2's own default is 90). */
  static final int TARGET_FILL_RATE = 80;
  /** At most this many bytes of live pages are rewritten per pass: a pause of up to a few hundred milliseconds. */
  static final int REWRITE_BYTES_PER_PASS = 8 * 1024 * 1024;
  /** Move chunks towards the start of the file while less than this share of the file holds chunks. */
  static final int MOVE_BELOW_FILE_FILL_RATE = 50;
  /** Moving chunks holds H2's store lock (commits wait): a small share per pass. */
  static final int MOVE_BYTES_PER_PASS = 2 * 1024 * 1024;
  private static final long PASS_INTERVAL_MILLIS = 1_000;
  /** H2 gives up on its store lock after 10 ms; a few tries, not more: each one scans every chunk under the lock. */
  private static final int ATTEMPTS_PER_PASS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(H2FileCompaction.class);

  private final DataSource dataSource;
  private ScheduledExecutorService scheduler;

  public H2FileCompaction(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @EventListener(ApplicationReadyEvent.class)
  public synchronized void start() {
    if (scheduler != null || !needed()) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "h2-file-compaction");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleWithFixedDelay(this::pass, PASS_INTERVAL_MILLIS, PASS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    LOG.info("H2 file compaction on: every {} ms, up to {} MB of live pages per pass, while chunks are less than "
        + "{}% full (WRITE_DELAY=0 leaves H2 without its background writer)",
        PASS_INTERVAL_MILLIS, REWRITE_BYTES_PER_PASS >> 20, TARGET_FILL_RATE);
  }

  @Override
  public synchronized void destroy() {
    if (scheduler != null) {
      // Never interrupt a pass: an interrupt during file I/O closes H2's file channel, and the database with it.
      scheduler.shutdown();
      try {
        if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
          LOG.warn("H2 file compaction pass still running at shutdown");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
    }
  }

  /** Only a file database without H2's background writer (WRITE_DELAY=0) needs it. */
  private boolean needed() {
    try (Connection connection = dataSource.getConnection()) {
      return mvStore(connection).filter(store -> store.getAutoCommitDelay() == 0 && !store.isReadOnly()).isPresent();
    } catch (SQLException e) {
      LOG.warn("H2 file compaction not started: {}", e.getMessage());
      return false;
    }
  }

  private void pass() {
    try (Connection connection = dataSource.getConnection()) {
      mvStore(connection).ifPresent(H2FileCompaction::compact);
    } catch (SQLException | RuntimeException e) {
      LOG.warn("H2 file compaction pass failed, the next one tries again: {}", e.toString());
    }
  }

  /**
   * One pass: rewrites up to {@link #REWRITE_BYTES_PER_PASS} of live pages from the emptiest chunks older than
   * H2's retention time and stores them, so those chunks hold nothing live any more.
   *
   * @return whether anything was rewritten
   */
  static boolean compact(MVStore store) {
    long started = System.nanoTime();
    boolean rewritten = false;
    int attempts = 0;
    while (!rewritten && attempts < ATTEMPTS_PER_PASS && store.getFileStore().getChunksFillRate() < TARGET_FILL_RATE) {
      attempts++;
      rewritten = store.compact(TARGET_FILL_RATE, REWRITE_BYTES_PER_PASS);
    }
    if (rewritten) {
      // Without this, the rewritten pages would wait for the next commit, which an idle desk does not make.
      store.commit();
    }
    // Emptied chunks leave holes; once the file is mostly holes, move chunks from its end into them so it shrinks.
    if (store.getFillRate() < MOVE_BELOW_FILE_FILL_RATE && store.getFileStore() instanceof RandomAccessStore file) {
      file.compactMoveChunks(MOVE_BELOW_FILE_FILL_RATE, MOVE_BYTES_PER_PASS, store);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    if (millis > 1_000) {
      LOG.warn("H2 file compaction pass took {} ms", millis);
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("H2 file compaction pass: rewritten {} after {} attempts, {} ms; chunks {}% live, file {}% chunks",
          rewritten, attempts, millis, store.getFileStore().getChunksFillRate(), store.getFillRate());
    }
    return rewritten;
  }

  /** The MVStore of an embedded H2 file database behind {@code connection}; empty for any other database. */
  static Optional<MVStore> mvStore(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(JdbcConnection.class)
        || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
      return Optional.empty();
    }
    MVStore store = session.getDatabase().getStore().getMvStore();
    return store.isPersistent() ? Optional.of(store) : Optional.empty();
  }
}
