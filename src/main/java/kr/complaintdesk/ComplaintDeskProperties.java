package kr.complaintdesk;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of this application (prefix {@code complaints}).
 *
 * @param regions codes of the regional divisions; each becomes a Camunda group {@code region-<code>}
 * @param demoUsers whether to create one demo user per group with password {@code demo}
 */
@ConfigurationProperties(prefix = "complaints")
public record ComplaintDeskProperties(List<String> regions, boolean demoUsers) {

  public ComplaintDeskProperties {
    regions = regions == null ? List.of() : List.copyOf(regions);
  }
}
