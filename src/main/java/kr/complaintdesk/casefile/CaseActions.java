package kr.complaintdesk.casefile;

import static kr.complaintdesk.casefile.CaseMessages.ABUSE_REPORTED;
import static kr.complaintdesk.casefile.CaseMessages.CASE_RECLASSIFIED;
import static kr.complaintdesk.casefile.CaseMessages.COMPLAINT_WITHDRAWN;
import static kr.complaintdesk.casefile.CaseMessages.CUSTOMER_CONTACTED;
import static kr.complaintdesk.casefile.CaseMessages.CUSTOMER_RESPONDED;
import static kr.complaintdesk.casefile.CaseMessages.EXTERNAL_THREAT_RAISED;
import static kr.complaintdesk.casefile.CaseMessages.VISIT_REQUESTED;
import static kr.complaintdesk.casefile.CaseVariables.ABUSE_REPORT;
import static kr.complaintdesk.casefile.CaseVariables.ABUSE_REPORTED_BY;
import static kr.complaintdesk.casefile.CaseVariables.CASE_OWNER;
import static kr.complaintdesk.casefile.CaseVariables.CATEGORY;
import static kr.complaintdesk.casefile.CaseVariables.CHANNEL;
import static kr.complaintdesk.casefile.CaseVariables.CORRECTED_CATEGORY;
import static kr.complaintdesk.casefile.CaseVariables.CORRECTED_HARM;
import static kr.complaintdesk.casefile.CaseVariables.CUSTOMER_RESPONSE_NOTE;
import static kr.complaintdesk.casefile.CaseVariables.HARM;
import static kr.complaintdesk.casefile.CaseVariables.OFFER_ACCEPTED;
import static kr.complaintdesk.casefile.CaseVariables.OFFER_ID;
import static kr.complaintdesk.casefile.CaseVariables.PRIORITY;
import static kr.complaintdesk.casefile.CaseVariables.PUBLIC_POST_URL;
import static kr.complaintdesk.casefile.CaseVariables.RECLASSIFICATION_NOTE;
import static kr.complaintdesk.casefile.CaseVariables.RECLASSIFIED_BY;
import static kr.complaintdesk.casefile.CaseVariables.REGION;
import static kr.complaintdesk.casefile.CaseVariables.SUBMITTED_BY;
import static kr.complaintdesk.casefile.CaseVariables.THREAT_KIND;
import static kr.complaintdesk.casefile.CaseVariables.THREAT_NOTE;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kr.complaintdesk.casefile.CaseRecords.CaseRecord;
import kr.complaintdesk.platform.calendar.EngineClock;
import kr.complaintdesk.platform.engine.FormLabels;
import kr.complaintdesk.platform.engine.Refusal;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.platform.security.StaffNames;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the case API does with a case after intake: show it, and pass on what the customer says
 * (answer to an offer, another contact, withdrawal) as messages to the running process. Each change
 * and its timeline entry commit together or not at all. The endpoints that call it are with their phase:
 * answers in {@code resolution}, contacts, threats, abuse reports and withdrawals in {@code anytime}, visit requests
 * in {@code care}, corrections of the category in {@code triage}.
 */
@Service
public class CaseActions {

  /** The first contact with the customer, in {@code complaint-case}: a visit triage offered is agreed there. */
  static final String FIRST_CONTACT_TASK = "UserTask_FirstContact";
  /** The step after which a case no longer waits for a requested visit: its remedies are looked up. */
  static final String SUGGEST_REMEDIES_STEP = "BusinessRuleTask_SuggestRemedies";

  private final CaseRecords cases;
  private final Timeline timeline;
  private final Offers offers;
  private final CaseInstances instances;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;

  public CaseActions(CaseRecords cases, Timeline timeline, Offers offers, CaseInstances instances,
      RuntimeService runtimeService, HistoryService historyService, TaskService taskService,
      RepositoryService repositoryService, IdentityService identityService) {
    this.cases = cases;
    this.timeline = timeline;
    this.offers = offers;
    this.instances = instances;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  /** A case as the API shows it. */
  public record CaseView(CaseRecord record, String priority, List<String> openTasks) {}

  /** What was offered to the customer in the case, round by round, with their answers: what a lead reviews. */
  public List<Offers.Offer> offers(String caseNumber) {
    return offers.of(caseNumber);
  }

  public Optional<CaseView> view(String caseNumber) {
    return cases.find(caseNumber).map(record -> new CaseView(record, priority(caseNumber), openTasks(caseNumber)));
  }

  public String priority(String caseNumber) {
    return caseVariable(caseNumber, PRIORITY);
  }

  /** Who owns the case (the agent of the first contact, the lead after an abuse report); null before first contact. */
  public String owner(String caseNumber) {
    return caseVariable(caseNumber, CASE_OWNER);
  }

  /** A member of staff or a process that acted or holds something, with the name staff know them by. */
  public record Named(String id, String name) {}

  /**
   * An open task of the case, in its own process or one it called: who holds it, or which groups may take it
   * while nobody has, and when it is due.
   */
  public record OpenTask(String id, String name, String processName, Named assignee, List<Named> candidateGroups,
      OffsetDateTime createdAt, OffsetDateTime dueAt, int priority) {}

  /** The case's open tasks, oldest first. */
  public List<OpenTask> tasks(String caseNumber) {
    Map<String, String> processNames = new HashMap<>();
    return instances.tasks(caseNumber).orderByTaskCreateTime().asc().list().stream().map(task -> new OpenTask(task.getId(),
        task.getName(), processNames.computeIfAbsent(task.getProcessDefinitionId(), this::processName),
        task.getAssignee() == null ? null : new Named(task.getAssignee(), staffName(task.getAssignee())),
        candidateGroups(task), inKorea(task.getCreateTime()), inKorea(task.getDueDate()), task.getPriority())).toList();
  }

  /** How staff are named to each other ({@code 김민수 (cs-agent2)}); steps no person took are the system's. */
  public String staffName(String userId) {
    return CurrentUser.SYSTEM.equals(userId) ? "시스템 (자동 처리)" : StaffNames.of(identityService, userId);
  }

  private List<Named> candidateGroups(Task task) {
    List<String> ids = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).distinct().toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, String> names = identityService.createGroupQuery().groupIdIn(ids.toArray(String[]::new)).list().stream()
        .collect(Collectors.toMap(Group::getId, Group::getName));
    return ids.stream().map(id -> new Named(id, names.getOrDefault(id, id))).toList();
  }

  private String processName(String processDefinitionId) {
    var definition = repositoryService.getProcessDefinition(processDefinitionId);
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }

  private static OffsetDateTime inKorea(Date instant) {
    return instant == null ? null : EngineClock.inKorea(instant).toOffsetDateTime();
  }

  /** A variable of the case's own instance, while it runs, else as history kept it. */
  private String caseVariable(String caseNumber, String name) {
    ProcessInstance instance = instance(caseNumber);
    if (instance != null) {
      try {
        Object value = runtimeService.getVariable(instance.getId(), name);
        return value == null ? null : value.toString();
      } catch (NullValueException endedMeanwhile) {
        // The instance ended between the two reads (e.g. withdrawn a moment ago): its history has the value.
      }
    }
    String[] ended = historicInstanceIds(caseNumber);
    if (ended.length == 0) {
      // No such case: an empty id list would be refused by the engine's query.
      return null;
    }
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(ended).variableName(name).list().stream().findFirst().orElse(null);
    return variable == null || variable.getValue() == null ? null : String.valueOf(variable.getValue());
  }

  /** The answer to the offer now on the table; false when no offer waits for an answer. */
  @Transactional
  public boolean respond(String caseNumber, boolean accepted, String note, String actor) {
    cases.lockForChange(caseNumber);
    ProcessInstance instance = instance(caseNumber);
    if (instance == null || runtimeService.createEventSubscriptionQuery().processInstanceId(instance.getId())
        .eventName(CUSTOMER_RESPONDED).count() == 0) {
      return false;
    }
    offers.answer(caseNumber, runtimeService.getVariable(instance.getId(), OFFER_ID), accepted);
    timeline.record(caseNumber, Timeline.Kind.CUSTOMER_RESPONSE, actor, "고객 답변: " + (accepted ? "수락" : "거절"), note);
    runtimeService.createMessageCorrelation(CUSTOMER_RESPONDED)
        .processInstanceId(instance.getId())
        .setVariable(OFFER_ACCEPTED, accepted)
        .setVariable(CUSTOMER_RESPONSE_NOTE, note)
        .correlateWithResult();
    return true;
  }

  @Transactional
  public void recordContact(String caseNumber, String channel, String note, String actor) {
    cases.lockForChange(caseNumber);
    timeline.record(caseNumber, Timeline.Kind.CONTACT, actor, "고객 재연락 (" + FormLabels.option(CHANNEL, channel) + ")", note);
    runtimeService.createMessageCorrelation(CUSTOMER_CONTACTED).processInstanceId(runningInstanceId(caseNumber))
        .correlateWithResult();
  }

  /** The customer threatened the media, an agency, a viral post or a lawsuit: the case becomes P1. */
  @Transactional
  public void raiseThreat(String caseNumber, String kind, String note, String publicPostUrl, String actor) {
    cases.lockForChange(caseNumber);
    timeline.record(caseNumber, Timeline.Kind.ESCALATION, actor, "외부 위협 제기: " + ThreatKind.valueOf(kind).label(), note);
    var correlation = runtimeService.createMessageCorrelation(EXTERNAL_THREAT_RAISED)
        .processInstanceId(runningInstanceId(caseNumber))
        .setVariable(THREAT_KIND, kind)
        .setVariable(THREAT_NOTE, note);
    if (publicPostUrl != null && !publicPostUrl.isBlank()) {
      correlation.setVariable(PUBLIC_POST_URL, publicPostUrl.trim());
    }
    correlation.correlateWithResult();
  }

  /** A member of staff was abused by the customer: the lead takes over the contact. */
  @Transactional
  public void reportAbuse(String caseNumber, String note, String actor) {
    cases.lockForChange(caseNumber);
    timeline.record(caseNumber, Timeline.Kind.ESCALATION, actor, "폭언·폭행 신고", note);
    runtimeService.createMessageCorrelation(ABUSE_REPORTED)
        .processInstanceId(runningInstanceId(caseNumber))
        .setVariable(ABUSE_REPORT, note)
        .setVariable(ABUSE_REPORTED_BY, actor)
        .correlateWithResult();
  }

  @Transactional
  public void withdraw(String caseNumber, String reason, String actor) {
    cases.lockForChange(caseNumber);
    timeline.record(caseNumber, Timeline.Kind.WITHDRAWAL, actor, "고객이 불만을 철회함", reason);
    runtimeService.createMessageCorrelation(COMPLAINT_WITHDRAWN)
        .processInstanceId(runningInstanceId(caseNumber))
        .correlateWithResult();
  }

  /**
   * Staff ask for a care visit after the first contact (message {@code VisitRequested}); answers the customer's
   * region, whose division the visit goes to. Refused while the first contact is open, whose form takes the
   * customer's consent to a visit triage offered; when the case has had a care visit, running or ended, since a
   * second one would write its results over the first's (a diagnosis the treatment-cost rule pays on); and once the
   * customer accepted an offer or compensation started, when the visit's costs could no longer be paid and the case
   * could close while the care runs.
   */
  @Transactional
  public String requestVisit(String caseNumber, String note, String actor) {
    cases.lockForChange(caseNumber);
    String instanceId = runningInstanceId(caseNumber);
    if (instances.tasks(caseNumber).processInstanceId(instanceId).taskDefinitionKey(FIRST_CONTACT_TASK).count() > 0) {
      throw Refusal.conflict("사건 " + caseNumber + "의 1차 응대가 아직 끝나지 않았습니다. 1차 응대를 마친 뒤에 요청하세요 "
          + "(분류에서 방문 케어를 제안한 사건은 1차 응대 양식에 고객의 방문 동의를 기록하면 방문 케어가 시작됩니다).");
    }
    if (instances.instances(caseNumber).processDefinitionKey(CaseInstances.CARE_VISIT_PROCESS).count() > 0) {
      throw Refusal.conflict("사건 " + caseNumber + "에는 진행 중인 방문 케어가 있습니다. 지역 사업부의 방문 케어 작업에서 이어 가세요.");
    }
    if (instances.history(caseNumber).processDefinitionKey(CaseInstances.CARE_VISIT_PROCESS).count() > 0) {
      throw Refusal.conflict("사건 " + caseNumber + "의 방문 케어는 이미 끝났습니다. 새 방문 케어는 앞선 방문의 진단과 결과를 "
          + "덮어쓰므로 요청할 수 없습니다. 다시 방문해야 하면 고객상담팀 팀장에게 알려 지역 사업부와 조율하세요.");
    }
    // Only a case that has not looked up its remedies yet waits for the visit, so that its costs reach the offer.
    // Later (an offer being prepared or on the table, accepted, paid) no offer is sure to come that would hold them.
    if (historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
            .activityId(SUGGEST_REMEDIES_STEP).count() > 0
        || !offers.of(caseNumber).isEmpty() || Boolean.TRUE.equals(runtimeService.getVariable(instanceId, OFFER_ACCEPTED))
        || instances.history(caseNumber).processDefinitionKey(CaseInstances.COMPENSATION_PROCESS).count() > 0) {
      throw Refusal.conflict("사건 " + caseNumber + "은(는) 이미 해결안 단계에 있어 방문 케어를 요청할 수 없습니다. 이제 생기는 "
          + "치료비는 해결안과 보상에 들어가지 못합니다. 방문이 필요하면 고객상담팀 팀장에게 알려 새 사건으로 접수하거나 "
          + "지역 사업부와 조율하세요.");
    }
    String region = (String) runtimeService.getVariable(instanceId, REGION);
    timeline.record(caseNumber, Timeline.Kind.DECISION, actor,
        "방문 케어 요청 (" + FormLabels.option(REGION, region) + " 지역 사업부)", note);
    runtimeService.createMessageCorrelation(VISIT_REQUESTED).processInstanceId(instanceId).correlateWithResult();
    return region;
  }

  /**
   * Staff correct what the complaint is about (message {@code CaseReclassified}): triage decides again on the
   * corrected facts and records the change on the timeline. Answers the case's priority afterwards. Refused when
   * nothing would change.
   */
  @Transactional
  public String reclassify(String caseNumber, String category, boolean harm, String note, String actor) {
    cases.lockForChange(caseNumber);
    String instanceId = runningInstanceId(caseNumber);
    if (category.equals(runtimeService.getVariable(instanceId, CATEGORY))
        && Boolean.valueOf(harm).equals(runtimeService.getVariable(instanceId, HARM))) {
      throw Refusal.conflict("사건 " + caseNumber + "은(는) 이미 " + FormLabels.option(CATEGORY, category) + ", 신체 피해 " + (harm ? "있음" : "없음")
          + "으로 분류되어 있습니다");
    }
    runtimeService.createMessageCorrelation(CASE_RECLASSIFIED).processInstanceId(instanceId)
        .setVariable(CORRECTED_CATEGORY, category)
        .setVariable(CORRECTED_HARM, harm)
        .setVariable(RECLASSIFICATION_NOTE, note)
        .setVariable(RECLASSIFIED_BY, actor)
        .correlateWithResult();
    return (String) runtimeService.getVariable(instanceId, PRIORITY);
  }

  /**
   * Whether the case, running or closed, was submitted by {@code userId} (a channel-integration account: its
   * channel); false for a case that does not exist.
   */
  public boolean cameInThrough(String caseNumber, String userId) {
    return userId.equals(caseVariable(caseNumber, SUBMITTED_BY));
  }

  public boolean isRunning(String caseNumber) {
    return instance(caseNumber) != null;
  }

  /** The running case's instance; a case that ended meanwhile (e.g. withdrawn a moment ago) is a conflict. */
  private String runningInstanceId(String caseNumber) {
    ProcessInstance instance = instance(caseNumber);
    if (instance == null) {
      throw Refusal.conflict("사건 " + caseNumber + "은(는) 방금 종결되었습니다. 사건을 다시 조회해 주세요.");
    }
    return instance.getId();
  }

  private ProcessInstance instance(String caseNumber) {
    return instances.caseInstance(caseNumber);
  }

  private String[] historicInstanceIds(String caseNumber) {
    return instances.history(caseNumber).processDefinitionKey(CaseInstances.CASE_PROCESS)
        .list().stream().map(h -> h.getId()).toArray(String[]::new);
  }

  private List<String> openTasks(String caseNumber) {
    return instances.tasks(caseNumber).list().stream()
        .map(task -> task.getName()).toList();
  }

}
