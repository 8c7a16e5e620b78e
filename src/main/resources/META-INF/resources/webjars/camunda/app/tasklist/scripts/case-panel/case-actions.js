/*
 * What staff record on a case from the panel, each with a small form: confirmed before it is sent, refused with
 * the case API's Korean reasons beside the fields they concern. The panel offers only the actions the case API
 * names for the caller (its `actions`); the API checks the same rules again.
 */
import {html, refusalText} from './case-view.js';

const text = (name, label, hint = '') => ({name, label, hint, kind: 'text'});
const note = (name, label, hint = '') => ({name, label, hint, kind: 'note'});
const choice = (name, label, choices, preset = '') => ({name, label, choices, preset, kind: 'choice'});
const date = (name, label, hint = '') => ({name, label, hint, kind: 'date'});

const ACTIONS = {
  CONTACT: {
    button: '고객 연락 기록',
    explain: '사건이 열려 있는 동안 고객이 다시 연락했을 때 기록합니다. 사건 담당자에게 알림이 갑니다.',
    fields: labels => [choice('channel', '연락 채널', labels.choices('channel'), 'PHONE'),
      note('note', '연락 내용', '고객이 한 말, 요청한 것')],
    question: '고객 연락을 기록하시겠습니까?',
    yes: '예, 기록합니다',
    done: '고객 연락을 기록했습니다.',
    send: (api, ctx, v) => api.recordContact(ctx.caseNumber, {channel: v.channel, note: v.note})
  },
  THREAT: {
    button: '외부 위협 제기',
    explain: '고객이 언론 제보, 소비자기관 신고, 온라인 확산 게시, 소송을 언급했을 때 기록합니다. '
      + '사건이 P1(긴급)이 되고 홍보·리스크팀이 평가합니다.',
    fields: labels => [choice('kind', '위협 종류', labels.choices('threatKind')),
      note('note', '고객이 한 말', '언제, 어디에 무엇을 하겠다고 했는지'),
      text('publicPostUrl', '공개 게시물 주소', '이미 올린 게시물이 있으면 https://…')],
    question: '외부 위협을 기록하고 사건을 P1(긴급)으로 격상하시겠습니까?',
    yes: '예, 제기합니다',
    done: '외부 위협을 제기했습니다. 사건이 P1이 되었습니다.',
    send: (api, ctx, v) => api.raiseThreat(ctx.caseNumber, {kind: v.kind, note: v.note, publicPostUrl: v.publicPostUrl})
  },
  ABUSE_REPORT: {
    button: '폭언·폭행 신고 (팀장 인계)',
    explain: '고객의 폭언·폭행·성희롱 등으로부터 직원을 보호합니다 (산업안전보건법 제41조). 고객상담팀 팀장이 '
      + '응대를 넘겨받고, 신고한 직원이 맡던 이 사건의 작업은 팀장에게 넘어가며, 팀장이 보호 조치를 기록합니다.',
    fields: () => [note('note', '경위', '언제, 무슨 말이나 행동이 있었는지')],
    question: '폭언·폭행을 신고하고 고객 응대를 팀장에게 인계하시겠습니까?',
    yes: '예, 신고합니다',
    done: '폭언·폭행을 신고했습니다. 팀장이 응대를 넘겨받습니다.',
    send: (api, ctx, v) => api.reportAbuse(ctx.caseNumber, {note: v.note})
  },
  WITHDRAWAL: {
    button: '고객 철회 기록',
    explain: '고객이 불만을 거두었을 때 기록합니다. 사건의 열린 작업이 모두 끝나고 사건이 \'고객 철회\'로 종결됩니다.',
    fields: () => [note('reason', '철회 사유', '고객이 말한 이유')],
    question: '고객의 불만 철회를 기록하고 사건을 종결하시겠습니까?',
    yes: '예, 종결합니다',
    done: '고객 철회를 기록했습니다. 사건이 종결되었습니다.',
    send: (api, ctx, v) => api.recordWithdrawal(ctx.caseNumber, {reason: v.reason})
  },
  VISIT_REQUEST: {
    button: '방문 케어 요청',
    explain: '1차 응대 뒤에 증상이 나타나는 등 방문이 필요해졌을 때 요청합니다. 고객 지역의 사업부가 동의를 받아 '
      + '방문하고 회복을 확인하며, 치료비는 보상에 반영됩니다.',
    fields: () => [note('note', '요청 사유', '새 증상, 고객의 요청 등')],
    question: '방문 케어를 요청하시겠습니까?',
    yes: '예, 요청합니다',
    done: '방문 케어를 요청했습니다. 지역 사업부에 방문 일정 작업이 생깁니다.',
    send: (api, ctx, v) => api.requestVisit(ctx.caseNumber, {note: v.note})
  },
  RECLASSIFICATION: {
    button: '불만 유형 바로잡기',
    explain: '잘못 분류된 불만 유형이나 신체 피해 여부를 바로잡습니다. 분류 결정이 다시 실행되고, 우선순위는 '
      + '올라가기만 합니다 (새로 알게 된 신체 피해는 P1).',
    fields: labels => [choice('category', '불만 유형', labels.choices('category')),
      choice('harm', '신체 피해 (고르지 않으면 불만 유형에 따름)', [['true', '있음'], ['false', '없음']]),
      note('note', '바로잡는 이유', '무엇이 잘못 기록되었는지')],
    question: '불만 유형을 바로잡고 분류를 다시 실행하시겠습니까?',
    yes: '예, 바로잡습니다',
    done: '불만 유형을 바로잡았습니다.',
    send: (api, ctx, v) => api.reclassify(ctx.caseNumber,
      {category: v.category, harm: v.harm === null ? null : v.harm === 'true', note: v.note})
  },
  DELIVERY_ETA: {
    button: '배송 예정일 변경',
    explain: '운송사나 세관에서 새 소식을 듣고 배송 예정일이 바뀌었을 때 기록합니다. 사건에 새 예정일과 상품의 현재 '
      + '위치가 남고, 고객에게 배송 상황 안내가 바로 나갑니다 (현재 위치는 적은 그대로 전해지고, 바뀐 까닭은 사건 기록에만 남습니다).',
    fields: () => [date('eta', '새 배송 예정일', '오늘이나 그 뒤의 날짜'),
      note('whereabouts', '상품의 현재 위치', '확인한 사실만 쉬운 말로 (예: 인천공항 세관에서 통관 검사 중)'),
      note('reason', '바뀐 까닭', '누구에게서 무엇을 확인했는지')],
    question: '배송 예정일을 바꾸고 고객에게 배송 상황을 안내하시겠습니까?',
    yes: '예, 바꾸고 안내합니다',
    done: '배송 예정일을 바꾸었습니다. 고객에게 배송 상황 안내를 보냈습니다.',
    send: (api, ctx, v) => api.changeEta(ctx.caseNumber, {eta: v.eta, whereabouts: v.whereabouts, reason: v.reason})
  },
  MERGE_CUSTOMERS: {
    button: '고객 합치기',
    explain: '다른 고객 번호로 등록된 사람이 이 고객과 같은 사람일 때 합칩니다. 그 고객의 연락처와 불만 이력이 '
      + '이 고객에게 모이고, 연락 거부는 모든 연락처에 적용됩니다.',
    fields: () => [text('mergedCustomerId', '합칠 고객 번호', '다른 사건의 고객 정보에 있는 CU-로 시작하는 번호')],
    question: '합친 고객은 다시 나눌 수 없습니다. 두 고객을 한 고객으로 병합하시겠습니까?',
    yes: '예, 합칩니다',
    done: '두 고객을 합쳤습니다.',
    send: (api, ctx, v) => api.mergeCustomers(ctx.customerId, {mergedCustomerId: v.mergedCustomerId})
  }
};

function control(action, field) {
  const id = `cd-${action}-${field.name}`;
  if (field.kind === 'choice') {
    return html`<select id="${id}" name="${field.name}" class="form-control">
      ${field.preset ? '' : html`<option value="">선택하세요</option>`}
      ${field.choices.map(([value, name]) => html`<option value="${value}" ${value === field.preset ? html`selected` : ''}>${name}</option>`)}
    </select>`;
  }
  if (field.kind === 'date') {
    return html`<input id="${id}" name="${field.name}" type="date" class="form-control" title="${field.hint}">`;
  }
  if (field.kind === 'note') {
    return html`<textarea id="${id}" name="${field.name}" class="form-control" rows="3" placeholder="${field.hint}"></textarea>`;
  }
  return html`<input id="${id}" name="${field.name}" type="text" class="form-control" placeholder="${field.hint}">`;
}

function form(name, action, labels) {
  return html`
    <form class="cd-action-form well well-sm" data-form="${name}" novalidate hidden>
      <h5>${action.button}</h5>
      <p class="help-block">${action.explain}</p>
      ${action.fields(labels).map(field => html`
        <div class="form-group" data-field="${field.name}">
          <label for="${`cd-${name}-${field.name}`}">${field.label}</label>
          ${control(name, field)}
          <p class="help-block text-danger cd-field-error" hidden></p>
        </div>`)}
      <div class="alert alert-danger cd-problem" role="alert" hidden></div>
      <div class="alert alert-warning cd-confirm" hidden>
        <p class="cd-question">${action.question}</p>
        <button type="button" class="btn btn-primary" data-confirm="yes">${action.yes}</button>
        <button type="button" class="btn btn-default" data-confirm="no">아니요</button>
      </div>
      <div class="cd-form-buttons">
        <button type="submit" class="btn btn-primary">확인</button>
        <button type="button" class="btn btn-link" data-close>닫기</button>
      </div>
    </form>`;
}

/** The actions section: a button and a form for each action in `allowed`, none if none is. */
export function actionsSection(allowed, labels, closed) {
  const offered = allowed.filter(name => ACTIONS[name]);
  return html`
    <section class="cd-actions">
      <h4>직원 조치</h4>
      ${closed ? html`<p class="help-block">종결된 사건입니다. 연락, 위협, 신고, 철회는 더 기록할 수 없습니다.</p>` : ''}
      ${offered.length ? html`
        <div class="btn-toolbar cd-action-buttons">${offered.map(name => html`
          <button type="button" class="btn btn-default btn-sm" data-action="${name}">${ACTIONS[name].button}</button>`)}
        </div>
        ${offered.map(name => form(name, ACTIONS[name], labels))}` : html`<p class="help-block">이 사건에 할 수 있는 조치가 없습니다.</p>`}
    </section>`;
}

function values(formElement) {
  const v = {};
  formElement.querySelectorAll('[name]').forEach(input => {
    const trimmed = input.value.trim();
    v[input.name] = trimmed === '' ? null : trimmed;
  });
  return v;
}

function clearRefusal(formElement) {
  formElement.querySelectorAll('.form-group').forEach(group => group.classList.remove('has-error'));
  formElement.querySelectorAll('.cd-field-error').forEach(p => {
    p.textContent = '';
    p.hidden = true;
  });
  const problem = formElement.querySelector('.cd-problem');
  problem.textContent = '';
  problem.hidden = true;
}

/** The refusal above the buttons, and each field's reason under the field (reasons for no field of the form above). */
function showRefusal(formElement, refused) {
  const problem = formElement.querySelector('.cd-problem');
  const elsewhere = [];
  refused.errors.forEach(({field, reason}) => {
    const group = [...formElement.querySelectorAll('.form-group')].find(g => g.dataset.field === field);
    if (group) {
      group.classList.add('has-error');
      const p = group.querySelector('.cd-field-error');
      p.textContent = p.textContent ? `${p.textContent} · ${reason}` : reason;
      p.hidden = false;
    } else {
      // A field this form does not have (the API names it by its id): its Korean reason says enough.
      elsewhere.push(reason);
    }
  });
  // Reasons shown under their fields are not repeated above (the problem's detail lists them by field id).
  const headline = refused.errors.length ? refused.title : refusalText(refused);
  problem.textContent = [headline, ...elsewhere].join(' — ');
  problem.hidden = false;
}

function setBusy(formElement, busy) {
  formElement.querySelectorAll('button, input, select, textarea').forEach(el => {
    el.disabled = busy;
  });
}

/**
 * Wires the buttons and forms of `root`: one form open at a time; confirm, send, and on success `done(notice)`,
 * after which the panel reloads the case and its timeline.
 */
export function bindActions(root, api, ctx, done) {
  const forms = [...root.querySelectorAll('.cd-action-form')];
  const open = name => forms.forEach(f => {
    f.hidden = f.dataset.form !== name;
  });
  root.querySelectorAll('[data-action]').forEach(button => {
    button.addEventListener('click', () => open(button.dataset.action));
  });
  forms.forEach(formElement => {
    const action = ACTIONS[formElement.dataset.form];
    const confirm = formElement.querySelector('.cd-confirm');
    const buttons = formElement.querySelector('.cd-form-buttons');
    const ask = asking => {
      confirm.hidden = !asking;
      buttons.hidden = asking;
    };
    formElement.querySelector('[data-close]').addEventListener('click', () => {
      ask(false);
      formElement.hidden = true;
    });
    formElement.addEventListener('submit', event => {
      event.preventDefault();
      clearRefusal(formElement);
      ask(true);
      confirm.querySelector('[data-confirm="yes"]').focus();
    });
    confirm.querySelector('[data-confirm="no"]').addEventListener('click', () => ask(false));
    confirm.querySelector('[data-confirm="yes"]').addEventListener('click', async () => {
      setBusy(formElement, true);
      try {
        await action.send(api, ctx, values(formElement));
        done(action.done);
      } catch (refused) {
        setBusy(formElement, false);
        ask(false);
        if (!refused.errors) {
          console.error('case panel: the request failed', refused);
        }
        showRefusal(formElement, refused.errors ? refused : {title: '처리하지 못했습니다',
          detail: '서버에 닿지 못했거나 예기치 못한 오류입니다. 페이지를 새로 고친 뒤 다시 시도하세요.', errors: []});
      }
    });
  });
}
