package kr.complaintdesk.casefile;

import javax.sql.DataSource;
import kr.complaintdesk.platform.calendar.EngineClock;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Case numbers such as {@code C-2026-000123}: the year of intake (Korean time, engine clock) and a number from a
 * database sequence, so that any number of application nodes never hand out the same one.
 */
@Component
public class CaseNumberGenerator {

  static final String SEQUENCE = "case_number_seq";

  private final DataFieldMaxValueIncrementer sequence;

  public CaseNumberGenerator(DataSource dataSource) {
    this.sequence = switch (databaseOf(dataSource)) {
      case POSTGRESQL -> new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
      case H2 -> new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
      default -> throw new IllegalStateException("Unsupported database for case numbers");
    };
  }

  public String next() {
    return String.format("C-%d-%06d", EngineClock.today().getYear(), sequence.nextLongValue());
  }

  private static DatabaseDriver databaseOf(DataSource dataSource) {
    try {
      String url = JdbcUtils.extractDatabaseMetaData(dataSource, meta -> meta.getURL());
      return DatabaseDriver.fromJdbcUrl(url);
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot read the database type", e);
    }
  }
}
