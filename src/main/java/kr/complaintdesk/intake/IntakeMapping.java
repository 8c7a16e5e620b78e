package kr.complaintdesk.intake;

import static kr.complaintdesk.casefile.CaseVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.platform.web.ApiProblem.FieldProblem;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Between the JSON of the intake request and the case variables: the request's nested fields
 * ({@code customer.phone}) become flat variables ({@code customerPhone}), and a rejected variable is
 * reported under the request field the client sent.
 */
final class IntakeMapping {

  private static final Map<String, String> REQUEST_FIELD = new HashMap<>(Map.of(
      CUSTOMER_NAME, "customer.name", CUSTOMER_PHONE, "customer.phone", CUSTOMER_EMAIL, "customer.email",
      CUSTOMER_SNS_HANDLE, "customer.snsHandle", REGION, "customer.region", PRODUCT_CODE, "product.code",
      PRODUCT_NAME, "product.name", PRODUCT_LOT, "product.lot", IDEMPOTENCY_KEY, "Idempotency-Key"));

  private IntakeMapping() {}

  static VariableMap toVariables(IntakeController.Intake body, String idempotencyKey) {
    VariableMap variables = Variables.createVariables();
    put(variables, CHANNEL, body.channel());
    put(variables, EXTERNAL_REF, body.externalRef());
    put(variables, CATEGORY, body.category());
    if (body.customer() != null) {
      put(variables, CUSTOMER_NAME, body.customer().name());
      put(variables, CUSTOMER_PHONE, body.customer().phone());
      put(variables, CUSTOMER_EMAIL, body.customer().email());
      put(variables, CUSTOMER_SNS_HANDLE, body.customer().snsHandle());
      put(variables, REGION, body.customer().region());
    }
    if (body.product() != null) {
      put(variables, PRODUCT_CODE, body.product().code());
      put(variables, PRODUCT_NAME, body.product().name());
      put(variables, PRODUCT_LOT, body.product().lot());
    }
    put(variables, ORDER_NO, body.orderNo());
    if (body.orderValue() != null) {
      variables.put(ORDER_VALUE, body.orderValue());
    }
    put(variables, OCCURRED_ON, body.occurredOn());
    put(variables, DESCRIPTION, body.description());
    put(variables, REMEDY_SOUGHT, body.remedySought());
    variables.put(EXTERNAL_THREAT, Boolean.TRUE.equals(body.externalThreat()));
    put(variables, PUBLIC_POST_URL, body.publicPostUrl());
    put(variables, AGENCY_REPLY_DUE, body.agencyReplyDue());
    put(variables, ADVERSE_EVENT_KNOWN_ON, body.adverseEventKnownOn());
    put(variables, IDEMPOTENCY_KEY, idempotencyKey);
    return variables;
  }

  static List<FieldProblem> fieldsOf(CaseInputException e) {
    return e.getErrors().stream()
        .map(error -> new FieldProblem(REQUEST_FIELD.getOrDefault(error.field(), error.field()), error.reason()))
        .toList();
  }

  private static void put(VariableMap variables, String name, String value) {
    if (value != null) {
      variables.put(name, value.strip());
    }
  }
}
