package kr.complaintdesk.prevention;

import static kr.complaintdesk.casefile.CaseVariables.*;

import java.util.Locale;
import kr.complaintdesk.casefile.CaseInstances;
import kr.complaintdesk.platform.engine.Refusal;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends {@code PreventionNeeded} for a case with company fault. The prevention action's business key
 * is product + root cause: an open action with that key takes the case in; otherwise a new action
 * starts. Either way the action outlives the case.
 */
@Component("requestPrevention")
public class RequestPreventionDelegate implements JavaDelegate {

  public static final String MESSAGE = "PreventionNeeded";
  public static final String PROCESS_KEY = "prevention-action";
  private static final Logger LOG = LoggerFactory.getLogger(RequestPreventionDelegate.class);

  private final CaseInstances instances;
  private final RuntimeService runtimeService;

  public RequestPreventionDelegate(CaseInstances instances, RuntimeService runtimeService) {
    this.instances = instances;
    this.runtimeService = runtimeService;
  }

  public static String preventionKey(String productCode, RootCause rootCause) {
    String product = productCode == null || productCode.isBlank() ? "NO-PRODUCT" : productCode.trim().toUpperCase(Locale.ROOT);
    return "PA-" + product + "-" + rootCause;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = string(execution, CASE_NUMBER);
    RootCause rootCause;
    try {
      rootCause = RootCause.valueOf(String.valueOf(execution.getVariable(ROOT_CAUSE)));
    } catch (IllegalArgumentException e) {
      throw Refusal.badInput(ROOT_CAUSE, "알 수 없는 원인 코드 '" + execution.getVariable(ROOT_CAUSE) + "'");
    }
    String productCode = string(execution, PRODUCT_CODE);
    String key = preventionKey(productCode, rootCause);
    // The person completing the last task of the case need not be allowed to start prevention actions.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      boolean open = instances.instances(key).processDefinitionKey(PROCESS_KEY).active().count() > 0;
      if (open) {
        runtimeService.createMessageCorrelation(MESSAGE)
            .processInstanceBusinessKey(key)
            .setVariableLocal(REPORTED_CASE_NUMBER, caseNumber)
            .correlateWithResult();
        LOG.info("Case {} joined prevention action {}", caseNumber, key);
      } else {
        VariableMap variables = Variables.createVariables()
            .putValue(PREVENTION_KEY, key)
            .putValue(PRODUCT_CODE, productCode)
            .putValue(PRODUCT_NAME, execution.getVariable(PRODUCT_NAME))
            .putValue(ROOT_CAUSE, rootCause.name())
            .putValue(PREVENTION_OWNER_GROUP, rootCause.ownerGroup())
            .putValue(SOURCE_CASE_NUMBER, caseNumber)
            .putValue(LINKED_CASE_NUMBERS, caseNumber);
        runtimeService.createMessageCorrelation(MESSAGE)
            .processInstanceBusinessKey(key)
            .setVariables(variables)
            .correlateStartMessage();
        LOG.info("Case {} started prevention action {} owned by {}", caseNumber, key, rootCause.ownerGroup());
      }
      return null;
    });
  }
}
