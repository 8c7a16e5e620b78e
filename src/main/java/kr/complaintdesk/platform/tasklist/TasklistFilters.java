package kr.complaintdesk.platform.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kr.complaintdesk.casefile.CaseVariables;
import kr.complaintdesk.platform.security.IdentitySetup;
import kr.complaintdesk.platform.security.StaffGroup;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, each readable by the groups it fits. A filter only narrows the list:
 * what a person can see at all is decided by the task authorizations. Every filter lists the urgent first
 * ({@link #urgentFirst}) and its cards show the case number, the customer, the category in Korean and the priority.
 */
@Component
public class TasklistFilters {

  public static final String MY_TASKS = "내 작업";
  public static final String MY_GROUP_TASKS = "내 그룹 작업";
  public static final String URGENT = "긴급(P1)";
  public static final String CARE_VISITS = "방문 케어";
  public static final String ANALYSES = "원인 분석";
  public static final String APPROVALS = "보상 승인 대기";
  public static final String PREVENTION = "재발 방지 조치";
  public static final String PUBLIC_RISK = "공개 리스크";
  public static final String OVERDUE = "기한 초과";
  /** The filters that show one process's tasks, by process definition key. */
  static final Map<String, String> PROCESS_FILTERS = Map.of(
      "care-visit", CARE_VISITS, "cause-analysis", ANALYSES, "prevention-action", PREVENTION);

  /** The card variables this class gave filters before the cards named the customer and the category in Korean. */
  static final List<Map<String, String>> EARLIER_CARD_VARIABLES = List.of(
      Map.of("name", CaseVariables.CASE_NUMBER, "label", "사건 번호"),
      Map.of("name", CaseVariables.PRIORITY, "label", "우선순위"),
      Map.of("name", CaseVariables.CATEGORY, "label", "불만 유형"));

  private static final JsonTaskQueryConverter QUERY_JSON = new JsonTaskQueryConverter();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  private final FilterService filterService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final IdentitySetup identitySetup;

  public TasklistFilters(FilterService filterService, TaskService taskService, RepositoryService repositoryService,
      IdentitySetup identitySetup) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.identitySetup = identitySetup;
  }

  public synchronized void setUp(List<String> regions) {
    List<String> everyone = identitySetup.groups().stream().map(StaffGroup::id).toList();
    List<String> regionGroups = StaffGroup.regionGroupIds(regions);
    List<String> analysts = List.of(StaffGroup.SAFETY_LAB, StaffGroup.QUALITY, StaffGroup.LOGISTICS, StaffGroup.CS_LEAD);
    List<String> approvers = List.of(StaffGroup.CS_AGENT, StaffGroup.CS_LEAD, StaffGroup.CS_DIRECTOR);
    List<String> preventionOwners = List.of(StaffGroup.QUALITY, StaffGroup.LOGISTICS, StaffGroup.CS_LEAD, StaffGroup.PROCESS_OWNER);

    create(MY_TASKS, -10, "나에게 배정된 작업", everyone,
        urgentFirst(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
    create(MY_GROUP_TASKS, -5, "내 그룹에 들어와 아직 아무도 맡지 않은 작업", everyone,
        urgentFirst(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")));
    // By the task's own priority (a column with an index), never by joining process variables: every user
    // loads this filter's count on each refresh. A P1 case's work has a priority of its own band (80-84, see
    // TaskPriorityFromCase); escalations (85-95 in the models) are due at once and listed under 기한 초과.
    create(URGENT, 0, "우선순위 P1 사건의 작업 (신체 피해, 언론·기관 위협; 지연 조치는 '기한 초과'에)", everyone,
        urgentFirst(taskService.createTaskQuery().taskMinPriority(TaskPriorityFromCase.URGENT)
            .taskMaxPriority(TaskPriorityFromCase.URGENT_REMINDED)),
        // What earlier versions created: a join on every case's priority variable, then priority >= 80 or = 80.
        taskService.createTaskQuery().processVariableValueEquals(CaseVariables.PRIORITY, "P1"),
        taskService.createTaskQuery().taskMinPriority(TaskPriorityFromCase.URGENT),
        taskService.createTaskQuery().taskPriority(TaskPriorityFromCase.URGENT));
    create(OVERDUE, -1, "기한이 지난 작업 (SLA 초과, 지연 조치)", List.of(StaffGroup.CS_LEAD, StaffGroup.CS_DIRECTOR),
        urgentFirst(taskService.createTaskQuery().dueBeforeExpression("${now()}")));
    create(CARE_VISITS, 10, "방문 케어와 회복 확인", regionGroups,
        processTasks("care-visit"));
    create(ANALYSES, 10, "안전성 검토, 품질 검사, 배송 조사와 결론", analysts,
        processTasks("cause-analysis"));
    // Offers are approved before the customer hears them (offer-approval); a database set up by an earlier version
    // has this filter on the approval that came after the customer's answer.
    create(APPROVALS, 10, "고객에게 알리기 전에 승인을 기다리는 해결안", approvers,
        urgentFirst(taskService.createTaskQuery().taskDefinitionKey("UserTask_ApproveOffer")),
        urgentFirst(taskService.createTaskQuery().taskDefinitionKey("UserTask_ApproveCompensation")),
        taskService.createTaskQuery().taskDefinitionKey("UserTask_ApproveCompensation"));
    create(PREVENTION, 20, "시정·예방 조치의 계획, 실행, 효과성 검토", preventionOwners,
        processTasks("prevention-action"));
    create(PUBLIC_RISK, 10, "공개 게시글, 언론·기관 위협 평가", List.of(StaffGroup.PR_RISK, StaffGroup.CS_DIRECTOR),
        urgentFirst(taskService.createTaskQuery().taskDefinitionKey("UserTask_AssessPublicRisk")));
  }


  /**
   * The tasks of one process: its definition key, and the keys of the user tasks of every deployed version. The
   * definition key alone gives the same tasks, but a database that cannot use an index for it (H2 joins each task's
   * definition and checks the caller's grants on it before it compares the key: about 200 ms at 10,000 open cases
   * for a filter showing nothing) reads every open task; with the task keys it discards other processes' tasks
   * before the grants are looked up. A version deployed later with a user task of a new key brings the filter up to
   * date through {@link ProcessFiltersFollowDeployments}.
   */
  TaskQuery processTasks(String processDefinitionKey) {
    Set<String> userTasks = new TreeSet<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(processDefinitionKey).list()) {
      repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
          .forEach(task -> userTasks.add(task.getId()));
    }
    TaskQuery query = taskService.createTaskQuery().processDefinitionKey(processDefinitionKey);
    return urgentFirst(userTasks.isEmpty() ? query : query.taskDefinitionKeyIn(userTasks.toArray(String[]::new)));
  }

  /**
   * The order of every filter: the task's priority (escalations 85-95, a P1 case's work 80-84, a reminded task 79,
   * then P2-P4; see {@link TaskPriorityFromCase}), then the earliest due first and tasks without a due date after
   * those with one, then the longest waiting. Tasklist sends its own sort (by default the newest first) with every
   * list request; the engine puts a filter's ordering before it ({@code AbstractQuery.mergeOrdering}), so Tasklist's
   * sort chooser only breaks ties. "Without a due date last" is PostgreSQL's order; H2 is opened with
   * {@code DEFAULT_NULL_ORDERING=HIGH} to sort the same (application.yaml). The index {@code CD_IDX_TASK_URGENCY}
   * (EngineIndexes) has this order, so a first page reads its 15 tasks off the index.
   */
  static TaskQuery urgentFirst(TaskQuery query) {
    return query.orderByTaskPriority().desc().orderByDueDate().asc().orderByTaskCreateTime().asc();
  }

  /**
   * After a deployment of one of {@link #PROCESS_FILTERS}' processes: the filter gets the task keys of the new
   * version too, unless an administrator has given it a query of their own (then it is theirs to keep up to date,
   * as with every other filter they change). Creates nothing.
   */
  public synchronized void followDeployment(String processDefinitionKey) {
    String name = PROCESS_FILTERS.get(processDefinitionKey);
    Filter filter = name == null ? null : filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      return;
    }
    TaskQuery query = processTasks(processDefinitionKey);
    if (outdatedProcessFilter(name, json(filter.getQuery()), query)) {
      LOG.info("Tasklist filter {} follows the deployment of {}: {}", name, processDefinitionKey, json(query));
      filter.setQuery(query);
      filterService.saveFilter(filter);
    }
  }

  /**
   * Whether a filter is one of {@link #PROCESS_FILTERS} whose query this class made (the process key, with or without
   * task keys) for other task keys than {@code query} names.
   */
  private boolean outdatedProcessFilter(String name, String current, TaskQuery query) {
    String processDefinitionKey = PROCESS_FILTERS.entrySet().stream().filter(e -> e.getValue().equals(name))
        .map(Map.Entry::getKey).findFirst().orElse(null);
    return processDefinitionKey != null && !current.equals(json(query)) && isProcessFilter(current, processDefinitionKey);
  }

  /**
   * Whether a filter's query is one this class made for the process: its key, with or without task keys, with or
   * without this version's order.
   */
  private boolean isProcessFilter(String queryJson, String processDefinitionKey) {
    try {
      ObjectNode query = (ObjectNode) JSON.readTree(queryJson);
      query.remove(JsonTaskQueryConverter.KEYS);
      return unordered(query).equals(unordered(JSON.readTree(
          json(taskService.createTaskQuery().processDefinitionKey(processDefinitionKey)))));
    } catch (JsonProcessingException | ClassCastException e) {
      return false;
    }
  }

  /**
   * Whether a stored query has this version's criteria but not its order: a filter of an earlier version, or one an
   * administrator saved in Tasklist's filter dialog, which keeps the criteria and drops a query's order.
   */
  private static boolean sameCriteriaUnordered(String stored, TaskQuery query) {
    try {
      ObjectNode current = (ObjectNode) JSON.readTree(stored);
      return !current.has(JsonTaskQueryConverter.ORDERING_PROPERTIES) && !current.has(JsonTaskQueryConverter.ORDER_BY)
          && current.equals(unordered(JSON.readTree(json(query))));
    } catch (JsonProcessingException | ClassCastException e) {
      return false;
    }
  }

  private static JsonNode unordered(JsonNode query) {
    ObjectNode copy = ((ObjectNode) query).deepCopy();
    copy.remove(JsonTaskQueryConverter.ORDERING_PROPERTIES);
    copy.remove(JsonTaskQueryConverter.ORDER_BY);
    return copy;
  }

  /**
   * Creates the filter. An existing one is left as it is (an administrator may have changed it in Tasklist),
   * except what earlier versions of the application made and nobody changed since:
   * <ul>
   *   <li>a query that is still one of {@code superseded}, the queries earlier versions created it with, or, for a
   *       process filter, its process key with other task keys (a version deployed while no node ran): it gets this
   *       version's query and description;
   *   <li>this version's criteria without its order (earlier versions had none, and Tasklist's filter dialog drops
   *       it when an administrator saves the filter's looks): it gets the order, and its looks stay;
   *   <li>the card variables of earlier versions: it gets this version's.
   * </ul>
   */
  private void create(String name, int priority, String description, List<String> groups, TaskQuery query,
      TaskQuery... superseded) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name)
          .setQuery(query)
          .setProperties(properties(priority, description));
      filterService.saveFilter(filter);
    } else {
      String stored = json(filter.getQuery());
      Map<String, Object> properties = filter.getProperties() == null ? new LinkedHashMap<>()
          : new LinkedHashMap<>(filter.getProperties());
      boolean changed = false;
      if (isOneOf(stored, superseded) || outdatedProcessFilter(name, stored, query)) {
        LOG.info("Tasklist filter {} gets this version's query: {}", name, json(query));
        properties.put("description", description);
        filter.setQuery(query);
        changed = true;
      } else if (sameCriteriaUnordered(stored, query)) {
        LOG.info("Tasklist filter {} gets this version's order (priority, due date, creation)", name);
        filter.setQuery(query);
        changed = true;
      }
      if (EARLIER_CARD_VARIABLES.equals(properties.get("variables"))) {
        LOG.info("Tasklist filter {} gets this version's card: case number, customer, category in Korean, priority", name);
        properties.put("variables", cardVariables());
        changed = true;
      }
      if (changed) {
        filterService.saveFilter(filter.setProperties(properties));
      }
    }
    for (String group : groups) {
      identitySetup.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private static boolean isOneOf(String query, TaskQuery... queries) {
    for (TaskQuery candidate : queries) {
      if (query.equals(json(candidate))) {
        return true;
      }
    }
    return false;
  }

  private static String json(TaskQuery query) {
    return QUERY_JSON.toJson((TaskQueryImpl) query).toString();
  }

  private static Map<String, Object> properties(int priority, String description) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("refresh", true);
    properties.put("variables", cardVariables());
    return properties;
  }

  /**
   * What a task's card shows besides its name, process and due date (which Tasklist shows itself). Tasklist reads
   * the values with the caller's rights: a card shows only what its reader may read of that task and the process
   * instance behind it, so the customer's name is missing where the instance does not carry it (원인 분석,
   * 재발 방지 조치) or the reader has no grant on it.
   */
  static List<Map<String, String>> cardVariables() {
    List<Map<String, String>> variables = new ArrayList<>();
    variables.add(Map.of("name", CaseVariables.CASE_NUMBER, "label", "사건 번호"));
    variables.add(Map.of("name", CaseVariables.CUSTOMER_NAME, "label", "고객"));
    variables.add(Map.of("name", CaseVariables.CATEGORY_NAME, "label", "불만 유형"));
    variables.add(Map.of("name", CaseVariables.PRIORITY, "label", "우선순위"));
    return variables;
  }
}
