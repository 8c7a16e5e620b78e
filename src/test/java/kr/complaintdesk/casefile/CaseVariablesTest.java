package kr.complaintdesk.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class CaseVariablesTest {

  private final DelegateExecution execution = mock(DelegateExecution.class);

  @Test
  void textIsReadAsItIsAndAnUnsetVariableAsNull() {
    when(execution.getVariable(CaseVariables.CASE_NUMBER)).thenReturn("C-2026-000001");

    assertThat(CaseVariables.string(execution, CaseVariables.CASE_NUMBER)).isEqualTo("C-2026-000001");
    assertThat(CaseVariables.string(execution, CaseVariables.NOTICE)).isNull();
  }

  @Test
  void aVariableThatIsNotTextIsRefusedByName() {
    when(execution.getVariable(CaseVariables.OFFER_TEXT)).thenReturn(50000L);

    assertThatThrownBy(() -> CaseVariables.string(execution, CaseVariables.OFFER_TEXT))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("offerText").hasMessageContaining("Long");
  }

  @Test
  void onlyTheBooleanTrueIsTrue() {
    when(execution.getVariable(CaseVariables.OFFER_ACCEPTED)).thenReturn(true);
    when(execution.getVariable(CaseVariables.HARM)).thenReturn(false);
    when(execution.getVariable(CaseVariables.CALLBACK_PROMISED)).thenReturn("true");

    assertThat(CaseVariables.isTrue(execution, CaseVariables.OFFER_ACCEPTED)).isTrue();
    assertThat(CaseVariables.isTrue(execution, CaseVariables.HARM)).isFalse();
    assertThat(CaseVariables.isTrue(execution, CaseVariables.CALLBACK_PROMISED)).isFalse();
    assertThat(CaseVariables.isTrue(execution, CaseVariables.AGENCY_REPLY_INTERIM)).isFalse();
  }
}
