package kr.complaintdesk.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.complaintdesk.platform.calendar.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * One customer across phone numbers, e-mail addresses and SNS handles. A complaint from a known
 * identity attaches to that customer; customers found to be one person are merged, keeping both
 * histories; an opt-out holds for every identity of the customer.
 */
@Repository
public class CustomerDirectory {

  private final JdbcTemplate jdbc;

  public CustomerDirectory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** An identity as given; {@link #resolve} normalises it. */
  public record Identity(IdentityKind kind, String value) {}

  /** A customer; each kind's identities are listed newest first, so the latest address is used first. */
  public record Customer(String id, String name, String region, boolean contactOptOut, Map<IdentityKind, List<String>> identities) {}

  /**
   * The customer any of the identities belongs to (the oldest, if several), or a new one; identities
   * not known yet are added to that customer.
   */
  public String resolve(String name, String region, List<Identity> identities) {
    List<Identity> normalised = new ArrayList<>();
    for (Identity identity : identities) {
      identity.kind().normalise(identity.value()).ifPresent(v -> normalised.add(new Identity(identity.kind(), v)));
    }
    String customerId = null;
    for (Identity identity : normalised) {
      Optional<String> owner = ownerOf(identity);
      if (owner.isPresent() && (customerId == null || createdBefore(owner.get(), customerId))) {
        customerId = owner.get();
      }
    }
    if (customerId == null) {
      customerId = "CU-" + UUID.randomUUID();
      jdbc.update("INSERT INTO customer (id, name, region, contact_opt_out, created_at) VALUES (?, ?, ?, FALSE, ?)",
          customerId, name, region, EngineClock.now());
    }
    for (Identity identity : normalised) {
      if (ownerOf(identity).isEmpty()) {
        jdbc.update("INSERT INTO customer_identity (kind, identity_value, customer_id, created_at) VALUES (?, ?, ?, ?)",
            identity.kind().name(), identity.value(), customerId, EngineClock.now());
      }
    }
    return customerId;
  }

  /** The customer as they are now: a merged customer resolves to the one they were merged into. */
  public Optional<Customer> find(String customerId) {
    Optional<String> survivor = survivorOf(customerId);
    if (survivor.isEmpty()) {
      return Optional.empty();
    }
    Map<IdentityKind, List<String>> identities = new LinkedHashMap<>();
    jdbc.query("SELECT kind, identity_value FROM customer_identity WHERE customer_id = ? ORDER BY kind, created_at DESC, identity_value",
        rs -> {
          identities.computeIfAbsent(IdentityKind.valueOf(rs.getString(1)), k -> new ArrayList<>()).add(rs.getString(2));
        }, survivor.get());
    return jdbc.query("SELECT id, name, region, contact_opt_out FROM customer WHERE id = ?",
        (rs, n) -> new Customer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), identities),
        survivor.get()).stream().findFirst();
  }

  /**
   * Makes {@code mergedId} part of {@code survivorId}: identities and complaints move over, an opt-out
   * of either holds for both, and the merged id keeps pointing to the survivor.
   */
  public void merge(String survivorId, String mergedId) {
    jdbc.update("UPDATE customer_identity SET customer_id = ? WHERE customer_id = ?", survivorId, mergedId);
    jdbc.update("UPDATE complaint_case SET customer_id = ? WHERE customer_id = ?", survivorId, mergedId);
    jdbc.update("UPDATE customer SET contact_opt_out = TRUE WHERE id = ? "
        + "AND EXISTS (SELECT 1 FROM customer WHERE id = ? AND contact_opt_out = TRUE)", survivorId, mergedId);
    jdbc.update("UPDATE customer SET merged_into = ? WHERE id = ?", survivorId, mergedId);
  }

  public void optOut(String customerId) {
    survivorOf(customerId).ifPresent(id -> jdbc.update("UPDATE customer SET contact_opt_out = TRUE WHERE id = ?", id));
  }

  public Optional<String> survivorOf(String customerId) {
    String current = customerId;
    for (int hops = 0; hops < 20 && current != null; hops++) {
      List<String> mergedInto = jdbc.query("SELECT merged_into FROM customer WHERE id = ?", (rs, n) -> rs.getString(1), current);
      if (mergedInto.isEmpty()) {
        return Optional.empty();
      }
      if (mergedInto.get(0) == null) {
        return Optional.of(current);
      }
      current = mergedInto.get(0);
    }
    throw new IllegalStateException("merge chain of customer " + customerId + " does not end");
  }

  private Optional<String> ownerOf(Identity identity) {
    return jdbc.query("SELECT customer_id FROM customer_identity WHERE kind = ? AND identity_value = ?",
        (rs, n) -> rs.getString(1), identity.kind().name(), identity.value()).stream().findFirst()
        .flatMap(this::survivorOf);
  }

  private boolean createdBefore(String a, String b) {
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM customer x, customer y WHERE x.id = ? AND y.id = ? "
        + "AND x.created_at < y.created_at", Integer.class, a, b);
    return before != null && before > 0;
  }
}
