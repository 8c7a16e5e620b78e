package kr.complaintdesk.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kr.complaintdesk.platform.engine.EngineRefusals.Outcome;
import kr.complaintdesk.platform.engine.EngineRefusals.Refused;
import kr.complaintdesk.platform.engine.EngineRefusals;
import kr.complaintdesk.platform.security.StaffNames;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The answers of the engine APIs (engine REST for other systems and Camunda Modeler, and the API Tasklist and
 * Cockpit use) when the engine refused something. Engine REST answers most refusals with 500 and the
 * engine's English text, an SQL statement included; here:
 * <ul>
 *   <li>a refusal of a listener or delegate ({@code Refusal}) is answered with its status (400 or 409) and
 *       its Korean message as is;</li>
 *   <li>a task someone else holds, or a task that was completed or changed a moment before, is 409 with a
 *       Korean message that names who holds or completed it, to those who may know (its groups, its
 *       assignee, administrators);</li>
 *   <li>a 500 whose text would show internals (SQL, the persistence layer, a Java error) is answered with a
 *       Korean message and a reference; the engine's text goes to the log under that reference only. The
 *       engine's own refusals (a model that does not parse) keep their text.</li>
 * </ul>
 * Runs outside the authentication filters, so that the look-ups for the message see the task as it is.
 */
class EngineApiRefusals extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineApiRefusals.class);
  private static final Pattern TASK_ACTION =
      Pattern.compile("/task/([^/]+)/(claim|unclaim|complete|submit-form|assignee|delegate|resolve)/?$");
  /** Long polling answers asynchronously: nothing to rewrite, and nothing may hold its response. */
  private static final Pattern ASYNC = Pattern.compile("/external-task/fetchAndLock/?$");
  /** Locks for actions on tasks, by the task id's hash: a fixed number, whatever the number of tasks. */
  private static final Lock[] TASK_LOCKS = new Lock[256];
  private static final long TASK_LOCK_WAIT_SECONDS = 5;
  static {
    for (int i = 0; i < TASK_LOCKS.length; i++) {
      TASK_LOCKS[i] = new ReentrantLock();
    }
  }
  static final String CONFLICT_TYPE = "TaskConflict";
  static final String REFUSAL_TYPE = "Refusal";

  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final ObjectMapper json = new ObjectMapper();

  EngineApiRefusals(TaskService taskService, HistoryService historyService, IdentityService identityService) {
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
  }

  /**
   * Takes this node's lock for actions on one task, so that two people acting on the same task at the same moment
   * through this node act one after the other: the second then finds the task claimed or completed and is told
   * so. Without it both transactions can insert the same task's variables at once, and the embedded database
   * times both out (neither wins). Across nodes the database still decides, and a loser is answered 409.
   */
  private static Lock lockFor(String taskId) {
    Lock lock = TASK_LOCKS[Math.floorMod(taskId.hashCode(), TASK_LOCKS.length)];
    try {
      // An action waits a moment for another on the same task (or on one sharing its lock), never for long: a
      // command stuck on the database must not hold up the server's threads.
      return lock.tryLock(TASK_LOCK_WAIT_SECONDS, TimeUnit.SECONDS) ? lock : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // Downloads (attachments, file variables, deployment resources) stream as they are; so does long polling.
    String uri = request.getRequestURI();
    return ASYNC.matcher(uri).find()
        || "GET".equals(request.getMethod()) && (uri.endsWith("/data") || uri.endsWith("/diagram"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    Outcome outcome;
    Matcher action = TASK_ACTION.matcher(request.getRequestURI());
    Lock taskLock = null;
    if ("POST".equals(request.getMethod()) && action.find()) {
      taskLock = lockFor(URLDecoder.decode(action.group(1), StandardCharsets.UTF_8));
      if (taskLock == null) {
        rewrite(wrapper, 409, CONFLICT_TYPE, "다른 사람이 지금 같은 작업을 처리하고 있습니다. 잠시 후 목록을 새로 고쳐 다시 시도해 주세요.");
        wrapper.copyBodyToResponse();
        return;
      }
    }
    EngineRefusals.begin();
    try {
      chain.doFilter(request, wrapper);
    } finally {
      outcome = EngineRefusals.end();
      if (taskLock != null) {
        taskLock.unlock();
      }
    }
    int status = wrapper.getStatus();
    if (status >= 400 && status != 401) {
      // Look the task up as it is, whoever asked (the webapp's login may still be set on this thread).
      Authentication asked = identityService.getCurrentAuthentication();
      identityService.clearAuthentication();
      try {
        answer(request, wrapper, status, outcome);
      } finally {
        if (asked != null) {
          identityService.setAuthentication(asked);
        }
      }
    }
    wrapper.copyBodyToResponse();
  }

  private void answer(HttpServletRequest request, ContentCachingResponseWrapper response, int status, Outcome outcome)
      throws IOException {
    Refused refused = outcome.refused();
    RuntimeException failure = outcome.failure();
    String userId = outcome.userId();
    Matcher task = TASK_ACTION.matcher(request.getRequestURI());
    String taskId = task.find() ? task.group(1) : null;
    if (status == 403) {
      // The loser of a race for a task may find the task's permissions gone with the task: say what happened.
      if (taskId != null && failure != null && taskService.createTaskQuery().taskId(taskId).count() == 0
          && mayKnow(userId, taskId)) {
        String message = taskConflict(taskId, userId);
        if (message != null) {
          rewrite(response, 409, CONFLICT_TYPE, message);
        }
      }
      return;
    }
    if (refused != null && refused.message() != null) {
      rewrite(response, refused.kind().status(), REFUSAL_TYPE, refused.message());
    } else if (refused != null && refused.taskHolder() != null) {
      rewrite(response, 409, CONFLICT_TYPE, heldBy(refused.taskHolder(), userId));
    } else if (taskId != null && failure != null && (refused != null || isNotFound(failure) || isGone(taskId))
        && mayKnow(userId, taskId)) {
      String message = taskConflict(taskId, userId);
      if (message != null) {
        rewrite(response, 409, CONFLICT_TYPE, message);
      } else if (refused != null) {
        rewrite(response, 409, CONFLICT_TYPE, changedMeanwhile());
      } else if (status >= 500 && showsInternals(failure)) {
        hideServerError(request, response, status);
      }
    } else if (refused != null) {
      rewrite(response, 409, CONFLICT_TYPE, changedMeanwhile());
    } else if (status >= 500 && (failure == null || showsInternals(failure))) {
      hideServerError(request, response, status);
    }
  }

  /** Why a task action could not be done, from the task as it is now; null when the task explains nothing. */
  private String taskConflict(String taskId, String userId) {
    Task open = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (open != null) {
      // A caller who holds the task and still lost was beaten by a change of the case: "changed meanwhile".
      return open.getAssignee() != null && !open.getAssignee().equals(userId) ? heldBy(open.getAssignee(), userId) : null;
    }
    HistoricTaskInstance ended = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    if (ended == null || ended.getEndTime() == null) {
      return null;
    }
    if ("completed".equals(ended.getDeleteReason())) {
      return "이 작업은 이미 " + StaffNames.of(identityService, ended.getAssignee()) + "님이 완료했습니다. 목록을 새로 고쳐 주세요.";
    }
    return "이 작업은 이미 끝났습니다 (사건이 다음 단계로 넘어갔거나 종결되었습니다). 목록을 새로 고쳐 주세요.";
  }

  /**
   * Whether the caller may be told who holds or completed the task: an administrator, its assignee, or a member
   * of a group it was offered to. Others learn nothing about it.
   */
  private boolean mayKnow(String userId, String taskId) {
    if (userId == null) {
      return false;
    }
    Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    if (groups.contains(Groups.CAMUNDA_ADMIN)) {
      return true;
    }
    HistoricTaskInstance historic = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    if (historic != null && userId.equals(historic.getAssignee())) {
      return true;
    }
    return historyService.createHistoricIdentityLinkLogQuery().taskId(taskId).list().stream()
        .anyMatch(link -> userId.equals(link.getUserId()) || link.getGroupId() != null && groups.contains(link.getGroupId()));
  }

  /**
   * Whether the task ended while the failed command ran. The loser of two completions at the same moment may
   * fail in any way (the engine finds the task's execution gone and throws a plain NullPointerException): once
   * the task has ended, the failure is the race, whatever its type.
   */
  private boolean isGone(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).count() == 0;
  }

  private static boolean isNotFound(Throwable failure) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof NullValueException || t instanceof NotFoundException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the failure's text would show internals: SQL or the persistence layer anywhere in it, or a plain Java
   * error (a bug) rather than one of the engine's own exceptions. The engine's refusals (a model that does not
   * parse, a bad timer expression) are shown as they are: a process owner deploying from Camunda Modeler needs to
   * read why.
   */
  private static boolean showsInternals(Throwable failure) {
    if (!(failure instanceof ProcessEngineException)) {
      return true;
    }
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException || t instanceof ProcessEnginePersistenceException
          || t instanceof org.apache.ibatis.exceptions.PersistenceException) {
        return true;
      }
    }
    return false;
  }

  private String heldBy(String assignee, String userId) {
    if (assignee.equals(userId)) {
      return "이 작업은 이미 맡고 계십니다. 목록을 새로 고쳐 주세요.";
    }
    return "이 작업은 이미 " + StaffNames.of(identityService, assignee) + "님이 맡고 있습니다. 목록을 새로 고쳐 주세요.";
  }

  private static String changedMeanwhile() {
    return "다른 사람이 방금 같은 작업이나 사건을 바꾸었습니다. 화면을 새로 고친 뒤 다시 확인해 주세요.";
  }

  private void hideServerError(HttpServletRequest request, ContentCachingResponseWrapper response, int status)
      throws IOException {
    String reference = UUID.randomUUID().toString().substring(0, 8);
    LOG.error("{} {} answered {} (reference {}): {}", request.getMethod(), request.getRequestURI(), status, reference,
        new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
    rewrite(response, status, "ServerError",
        "처리하지 못했습니다. 잠시 후 다시 시도하고, 계속되면 운영자에게 참조 번호 " + reference + "를 알려 주세요.");
  }

  private void rewrite(ContentCachingResponseWrapper response, int status, String type, String message)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    body.put("code", 0);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }
}
