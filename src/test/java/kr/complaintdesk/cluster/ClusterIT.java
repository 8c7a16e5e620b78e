package kr.complaintdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.complaintdesk.support.ApplicationNode;
import kr.complaintdesk.support.EngineRestClient;
import kr.complaintdesk.support.ExternalTool;
import kr.complaintdesk.support.PostgresTestDatabase;
import kr.complaintdesk.support.Requires;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes started from the packaged jar share one PostgreSQL database, as behind a load balancer.
 * Cases, asynchronous payouts and due timers are pushed through both; every job runs exactly once and
 * no case is lost or duplicated.
 */
@Requires(ExternalTool.POSTGRESQL)
class ClusterIT {

  static final int CASES = 30;
  static final int PROBES = 40;
  static final Pattern PAYOUT = Pattern.compile("Recorded payout (\\S+) for case (C-\\d{4}-\\d{6})");
  static ApplicationNode nodeA;
  static ApplicationNode nodeB;

  @BeforeAll
  static void startTwoNodes() {
    Map<String, String> env = Map.of(
        "COMPLAINTS_DB_URL", PostgresTestDatabase.recreate("complaints_it_cluster"),
        "COMPLAINTS_DB_USER", ExternalTool.postgresUser(),
        "COMPLAINTS_DB_PASSWORD", ExternalTool.postgresPassword());
    // The first node creates the schema; the second joins a running cluster, as in a rolling start.
    nodeA = ApplicationNode.start("node-a", env).awaitReady();
    nodeB = ApplicationNode.start("node-b", env).awaitReady();
  }

  @AfterAll
  static void stopNodes() {
    if (nodeB != null) {
      nodeB.close();
    }
    if (nodeA != null) {
      nodeA.close();
    }
  }

  @Test
  void casesJobsAndTimersThroughBothNodesRunExactlyOnce() throws Exception {
    EngineRestClient a = nodeA.rest();
    EngineRestClient b = nodeB.rest();
    assertThat(a.deploy("process-owner1", "cluster-probe", "cluster-probe.bpmn", PROBE_BPMN).status()).isEqualTo(200);

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<EngineRestClient.Response>> starts = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      EngineRestClient node = i % 2 == 0 ? a : b;
      Map<String, Object> variables = intake(i);
      starts.add(pool.submit(() -> node.postJson("cs-agent1", "/process-definition/key/complaint-case/start",
          Map.of("variables", variables))));
    }
    List<String> caseNumbers = new ArrayList<>();
    for (Future<EngineRestClient.Response> start : starts) {
      EngineRestClient.Response response = start.get();
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      caseNumbers.add(response.json().get("businessKey").asText());
    }
    starts.clear();
    // Each probe pays for one of the cases just created: a due timer, then an asynchronous payout.
    for (int i = 0; i < PROBES; i++) {
      EngineRestClient node = i % 2 == 0 ? b : a;
      Map<String, Object> variables = Map.of(
          "caseNumber", Map.of("value", caseNumbers.get(i % caseNumbers.size())),
          "remedy", Map.of("value", "REFUND"),
          "offerAmount", Map.of("value", 1000 + i, "type", "Long"));
      // Process owners deploy but start no instances; the administrator starts the probes.
      starts.add(pool.submit(() -> node.postJson("admin", "/process-definition/key/cluster-probe/start",
          Map.of("variables", variables))));
    }
    for (Future<EngineRestClient.Response> start : starts) {
      EngineRestClient.Response response = start.get();
      assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
    pool.shutdown();

    await("every probe finished").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
        a.get("admin", "/history/process-instance/count?processDefinitionKey=cluster-probe&finished=true")
            .json().get("count").asInt() == PROBES);

    // Every job (40 timers, 40 async payouts) succeeded exactly once and never failed.
    JsonNode log = a.get("admin", "/history/job-log?processDefinitionKey=cluster-probe&maxResults=1000").json();
    Map<String, Integer> successes = new HashMap<>();
    Map<String, Integer> byNode = new HashMap<>();
    for (JsonNode entry : log) {
      assertThat(entry.get("failureLog").asBoolean()).as("failed job %s", entry).isFalse();
      if (entry.get("successLog").asBoolean()) {
        successes.merge(entry.get("jobId").asText(), 1, Integer::sum);
        byNode.merge(entry.get("hostname").asText(), 1, Integer::sum);
      }
    }
    assertThat(successes).hasSize(2 * PROBES);
    assertThat(successes.values()).containsOnly(1);
    System.out.println("Jobs executed per node: " + byNode);

    // The payout side effect happened once per probe across both JVMs, never twice.
    List<String> payouts = new ArrayList<>();
    for (ApplicationNode node : List.of(nodeA, nodeB)) {
      Matcher matcher = PAYOUT.matcher(node.logText());
      while (matcher.find()) {
        payouts.add(matcher.group(1));
      }
    }
    assertThat(payouts).hasSize(PROBES).doesNotHaveDuplicates();

    // Every case exists once, with its own case number, and both nodes see all of them.
    for (EngineRestClient node : List.of(a, b)) {
      JsonNode cases = node.get("admin", "/process-instance?processDefinitionKey=complaint-case&maxResults=1000").json();
      Set<String> keys = new HashSet<>();
      cases.forEach(c -> keys.add(c.get("businessKey").asText()));
      assertThat(cases.size()).isEqualTo(CASES);
      assertThat(keys).hasSize(CASES).allMatch(k -> k.matches("C-\\d{4}-\\d{6}"));
    }
  }

  @Test
  void aTaskCreatedThroughOneNodeIsWorkedThroughTheOther() {
    EngineRestClient a = nodeA.rest();
    EngineRestClient b = nodeB.rest();
    String caseId = a.postJson("cs-agent1", "/process-definition/key/complaint-case/start",
        Map.of("variables", intake(999))).json().get("id").asText();

    JsonNode tasks = b.get("cs-agent1", "/task?processInstanceId=" + caseId).json();
    assertThat(tasks).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();
    assertThat(b.postJson("cs-agent1", "/task/" + taskId + "/claim", Map.of("userId", "cs-agent1")).status()).isEqualTo(204);
    assertThat(b.postJson("cs-agent1", "/task/" + taskId + "/complete", Map.of("variables", Map.of(
        "contactNotes", Map.of("value", "노드 B에서 응대"), "remedySought", Map.of("value", "APOLOGY")))).status())
        .isEqualTo(204);

    JsonNode next = a.get("cs-agent1", "/task?processInstanceId=" + caseId).json();
    assertThat(next).hasSize(1);
    assertThat(next.get(0).get("taskDefinitionKey").asText()).isEqualTo("UserTask_PrepareOffer");
  }

  private static Map<String, Object> intake(int i) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("channel", Map.of("value", "WEB"));
    variables.put("category", Map.of("value", "SERVICE"));
    variables.put("customerName", Map.of("value", "고객" + i));
    variables.put("customerEmail", Map.of("value", "customer" + i + "@example.kr"));
    variables.put("region", Map.of("value", "seoul"));
    variables.put("description", Map.of("value", "응대 불만 " + i));
    return variables;
  }

  static final String PROBE_BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_ClusterProbe" targetNamespace="probe">
        <bpmn:process id="cluster-probe" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="StartEvent_Probe"><bpmn:outgoing>SequenceFlow_ToTimer</bpmn:outgoing></bpmn:startEvent>
          <bpmn:intermediateCatchEvent id="TimerEvent_Due">
            <bpmn:incoming>SequenceFlow_ToTimer</bpmn:incoming><bpmn:outgoing>SequenceFlow_ToPay</bpmn:outgoing>
            <bpmn:timerEventDefinition><bpmn:timeDuration>PT2S</bpmn:timeDuration></bpmn:timerEventDefinition>
          </bpmn:intermediateCatchEvent>
          <bpmn:serviceTask id="ServiceTask_Pay" camunda:asyncBefore="true" camunda:delegateExpression="${payCompensation}">
            <bpmn:incoming>SequenceFlow_ToPay</bpmn:incoming><bpmn:outgoing>SequenceFlow_ToEnd</bpmn:outgoing>
          </bpmn:serviceTask>
          <bpmn:endEvent id="EndEvent_Probe"><bpmn:incoming>SequenceFlow_ToEnd</bpmn:incoming></bpmn:endEvent>
          <bpmn:sequenceFlow id="SequenceFlow_ToTimer" sourceRef="StartEvent_Probe" targetRef="TimerEvent_Due" />
          <bpmn:sequenceFlow id="SequenceFlow_ToPay" sourceRef="TimerEvent_Due" targetRef="ServiceTask_Pay" />
          <bpmn:sequenceFlow id="SequenceFlow_ToEnd" sourceRef="ServiceTask_Pay" targetRef="EndEvent_Probe" />
        </bpmn:process>
      </bpmn:definitions>
      """;
}
