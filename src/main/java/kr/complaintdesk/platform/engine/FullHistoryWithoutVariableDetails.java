package kr.complaintdesk.platform.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The history level {@value #NAME} ({@code camunda.bpm.history-level}): everything {@code full} writes except
 * a detail row (ACT_HI_DETAIL) for every value a variable ever had. Each variable's history
 * (ACT_HI_VARINST, its latest value), activities, tasks, decisions with their inputs and outputs, identity
 * links, jobs, incidents and the user operation log stay as in {@code full}. Nothing in the product reads
 * the details: the case timeline is the application's own table, and Cockpit and Tasklist show historic
 * variable instances, never details. Per intake that is about 26 rows fewer, per first contact about 14.
 *
 * <p>Its id is full's, 3. The engine records the id of the level that created the database (ACT_GE_PROPERTY
 * {@code historyLevel}) and compares only ids at start-up, so a database created with {@code full} starts
 * with this level, and one created with this level starts with {@code full} again if that is ever wanted;
 * a node with {@code full} and one with this level may share a database. The management API reports 3, and
 * Cockpit treats the engine as running full history.
 */
@Component
class FullHistoryWithoutVariableDetails extends AbstractProcessEnginePlugin {

  public static final String NAME = "full-without-variable-details";
  static final HistoryLevel LEVEL = new Level();
  private static final Logger LOG = LoggerFactory.getLogger(FullHistoryWithoutVariableDetails.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Registered before the engine resolves the configured name and checks the database's level.
    List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomHistoryLevels());
    levels.add(LEVEL);
    configuration.setCustomHistoryLevels(levels);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    LOG.info("History level {} (id {})", configuration.getHistoryLevel().getName(), configuration.getHistoryLevel().getId());
  }

  private static final class Level extends AbstractHistoryLevel {

    @Override
    public int getId() {
      return HistoryLevel.HISTORY_LEVEL_FULL.getId();
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;
    }
  }
}
