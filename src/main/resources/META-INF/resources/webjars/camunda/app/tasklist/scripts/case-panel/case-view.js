/*
 * How the case panel shows a case: HTML in which every value is escaped (customers' and staff's words are shown,
 * never run), codes named as the forms name them, times in Korean time.
 */

import {applicationBase} from './case-api.js';

const ESCAPES = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

/** Markup made by `html`: put into other markup as it is, where any other value is escaped. */
class Markup {
  constructor(text) {
    this.text = text;
  }

  toString() {
    return this.text;
  }
}

function part(value) {
  if (value instanceof Markup) {
    return value.text;
  }
  if (Array.isArray(value)) {
    return value.map(part).join('');
  }
  return value === null || value === undefined || value === false
    ? '' : String(value).replace(/[&<>"']/g, c => ESCAPES[c]);
}

/** A template tag: `html\`<b>${name}</b>\`` escapes name; nested `html` results and arrays of them stay markup. */
export function html(strings, ...values) {
  return new Markup(strings.reduce((out, text, i) => out + text + (i < values.length ? part(values[i]) : ''), ''));
}

// Names the forms do not hold: the case's state and what kind of step a timeline entry records.
const STATUS = {OPEN: '진행 중', CLOSED: '종결'};
const OUTCOME = {RESOLVED: '해결', UNRESOLVED: '미해결', WITHDRAWN: '고객 철회', NO_RESPONSE: '무응답'};
const IDENTITY = {PHONE: '전화', EMAIL: '이메일', SNS: 'SNS'};
const TIMELINE_KIND = {
  INTAKE: '접수', DECISION: '결정', TASK_COMPLETED: '작업 완료', CONTACT: '연락', PROMISE: '회신 약속',
  NOTICE: '직원 알림', ESCALATION: '상향 보고', OFFER: '해결안', CUSTOMER_RESPONSE: '고객 답변', PAYOUT: '지급',
  MESSAGE: '고객 안내', WITHDRAWAL: '철회', CLOSED: '종결', CUSTOMER_MERGED: '고객 합침'
};

/** The selections whose codes steps write into timeline summaries ("불만 접수 (PHONE, PRODUCT_DEFECT)"). */
const CODES_IN_SUMMARIES = ['channel', 'category', 'remedy'];

/** The names of fields and options as the forms give them (GET /api/form-labels). */
export class Labels {
  constructor(formLabels) {
    this.fields = (formLabels && formLabels.fields) || {};
    this.options = (formLabels && formLabels.options) || {};
    this.codes = new Map(Object.entries(OUTCOME));
    CODES_IN_SUMMARIES.forEach(key => this.choices(key).forEach(([code, name]) => this.codes.set(code, name)));
  }

  /** A timeline summary with the codes in it named as the forms name them: "불만 접수 (전화, 제품 하자)". */
  summary(text) {
    return (text || '').replace(/\b[A-Z][A-Z_]+\b/g, code => this.codes.get(code) || code);
  }

  /** The options of a selection in the form's order, as [value, name] pairs. */
  choices(key) {
    return Object.entries(this.options[key] || {});
  }

  option(key, value) {
    if (value === null || value === undefined || value === '') {
      return '';
    }
    const named = this.options[key];
    return (named && named[value]) || String(value);
  }

  field(key) {
    return this.fields[key] || key;
  }
}

// Korea keeps no daylight saving time: Korean time is UTC+9 all year.
const KOREA_OFFSET_MS = 9 * 60 * 60 * 1000;
const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];
const two = n => String(n).padStart(2, '0');

/** `2026-12-07 (월) 14:05` in Korean time, as the application writes times for staff. */
export function koreanTime(iso) {
  const millis = Date.parse(iso);
  if (!iso || Number.isNaN(millis)) {
    return iso || '';
  }
  const k = new Date(millis + KOREA_OFFSET_MS);
  return `${k.getUTCFullYear()}-${two(k.getUTCMonth() + 1)}-${two(k.getUTCDate())} (${WEEKDAYS[k.getUTCDay()]}) `
    + `${two(k.getUTCHours())}:${two(k.getUTCMinutes())}`;
}

function time(iso) {
  return iso ? html`<time datetime="${iso}">${koreanTime(iso)}</time>` : '';
}

function won(amount) {
  return `${String(Math.round(Number(amount) || 0)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}원`;
}

/** A Korean mobile or landline number as people write it; the directory keeps only the digits. */
function phone(digits) {
  const m = /^(02|0\d{2})(\d{3,4})(\d{4})$/.exec(digits);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : digits;
}

function isPast(iso) {
  return iso && Date.parse(iso) < Date.now();
}

export function message(text, kind = 'info') {
  return html`<div class="cd-case-panel"><p class="alert alert-${kind} cd-message">${text}</p></div>`;
}

export function refusalText(refused) {
  return [refused.title, refused.detail].filter(Boolean).join(': ');
}

function summary(c, tasks, labels) {
  const due = tasks.filter(t => t.dueAt).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
  const status = STATUS[c.status] || c.status;
  return html`
    <section class="cd-summary" data-case-number="${c.caseNumber}">
      <h3>사건 ${c.caseNumber}
        <span class="label ${c.priority === 'P1' ? 'label-danger' : 'label-default'}">${labels.option('priority', c.priority)}</span>
        <a class="cd-timeline-page" href="${`${applicationBase()}/cases/${encodeURIComponent(c.caseNumber)}/timeline`}"
           target="_blank" rel="noopener">타임라인 전체 보기</a>
      </h3>
      <dl class="dl-horizontal">
        <dt>접수 채널</dt><dd data-field="channel">${labels.option('channel', c.channel)}</dd>
        <dt>불만 유형</dt><dd data-field="category">${labels.option('category', c.category)}</dd>
        <dt>우선순위</dt><dd data-field="priority">${labels.option('priority', c.priority)}</dd>
        <dt>상태</dt><dd data-field="status">${status}${c.outcome ? ` (${OUTCOME[c.outcome] || c.outcome})` : ''}</dd>
        <dt>담당자</dt><dd data-field="owner">${c.owner ? c.owner.name : '아직 없음 (1차 응대 전)'}</dd>
        <dt>접수</dt><dd>${time(c.createdAt)}</dd>
        ${c.closedAt ? html`<dt>종결</dt><dd>${time(c.closedAt)}</dd>` : ''}
        <dt>다음 기한</dt><dd data-field="nextDue">${due
          ? html`${time(due.dueAt)} · ${due.name}${isPast(due.dueAt) ? html` <span class="label label-danger">기한 지남</span>` : ''}`
          : '열린 작업에 기한이 없습니다'}</dd>
      </dl>
    </section>`;
}

function customerSection(customer, complaints, caseNumber, labels, refusal) {
  if (!customer) {
    return html`<section class="cd-customer"><h4>고객</h4><p class="cd-customer-refused">${refusal || '고객 정보를 읽을 수 없습니다.'}</p></section>`;
  }
  const identities = Object.entries(customer.identities || {});
  const earlier = complaints.filter(c => c.caseNumber !== caseNumber)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return html`
    <section class="cd-customer" data-customer-id="${customer.customerId}">
      <h4>고객 <span class="cd-customer-name">${customer.name || '(이름 없음)'}</span>
        ${customer.contactOptOut ? html`<span class="label label-warning">연락 거부 (모든 연락처)</span>` : ''}</h4>
      <dl class="dl-horizontal">
        <dt>고객 번호</dt><dd><code>${customer.customerId}</code></dd>
        <dt>지역</dt><dd>${labels.option('region', customer.region) || '모름'}</dd>
        ${identities.length ? identities.map(([kind, values]) => html`
          <dt>${IDENTITY[kind] || kind}</dt>
          <dd class="cd-identities" data-kind="${kind}">${values.map(v => html`<span>${kind === 'PHONE' ? phone(v) : v}</span>`)}</dd>`)
          : html`<dt>연락처</dt><dd>등록된 연락처가 없습니다</dd>`}
      </dl>
      <h5>이전 불만 ${earlier.length}건</h5>
      ${earlier.length ? html`
        <table class="table table-condensed cd-earlier">
          <thead><tr><th>사건 번호</th><th>접수</th><th>채널</th><th>유형</th><th>상태</th></tr></thead>
          <tbody>${earlier.map(c => html`
            <tr data-case-number="${c.caseNumber}"><td>${c.caseNumber}</td><td>${time(c.createdAt)}</td>
              <td>${labels.option('channel', c.channel)}</td><td>${labels.option('category', c.category)}</td>
              <td>${STATUS[c.status] || c.status}${c.outcome ? ` (${OUTCOME[c.outcome] || c.outcome})` : ''}</td></tr>`)}
          </tbody>
        </table>` : html`<p>이 고객의 다른 불만은 없습니다.</p>`}
    </section>`;
}

function holder(task) {
  if (task.assignee) {
    return task.assignee.name;
  }
  const groups = (task.candidateGroups || []).map(g => g.name).join(', ');
  return groups ? `맡은 사람 없음 · 맡을 수 있는 그룹: ${groups}` : '맡은 사람 없음';
}

function tasksSection(tasks, taskId) {
  return html`
    <section class="cd-tasks">
      <h4>열린 작업 ${tasks.length}건</h4>
      ${tasks.length ? html`
        <table class="table table-condensed">
          <thead><tr><th>작업</th><th>프로세스</th><th>맡은 사람</th><th>기한</th></tr></thead>
          <tbody>${tasks.map(t => html`
            <tr data-task-id="${t.id}" class="${t.id === taskId ? 'info' : ''}">
              <td>${t.name}${t.id === taskId ? ' (지금 보는 작업)' : ''}</td><td>${t.processName}</td>
              <td class="cd-holder">${holder(t)}</td>
              <td>${t.dueAt ? html`${time(t.dueAt)}${isPast(t.dueAt) ? html` <span class="label label-danger">기한 지남</span>` : ''}` : '없음'}</td>
            </tr>`)}
          </tbody>
        </table>` : html`<p>열린 작업이 없습니다.</p>`}
    </section>`;
}

function answer(offer) {
  if (offer.approval === 'PENDING' || offer.approval === 'REJECTED') {
    return '고객에게 알리지 않음';
  }
  if (offer.accepted === null || offer.accepted === undefined) {
    return '답변 기다리는 중';
  }
  return html`${offer.accepted ? '수락' : '거절'} ${offer.respondedAt ? html`(${time(offer.respondedAt)})` : ''}`;
}

const APPROVAL = {
  NOT_NEEDED: '작성자 권한 안',
  PENDING: '승인 기다리는 중',
  APPROVED: '승인',
  REJECTED: '반려'
};

function approval(offer) {
  if (!offer.approval) {
    return '';
  }
  return html`${APPROVAL[offer.approval] || offer.approval}${offer.approvedBy ? html`<br>${offer.approvedBy}` : ''}${
    offer.approvalNote ? html`<br><span class="cd-text">${offer.approvalNote}</span>` : ''}`;
}

/** An offer's lines: what the customer receives, line by line, money and goods at their value. */
function lines(offer, labels) {
  const items = offer.lines && offer.lines.length ? offer.lines
    : [{remedy: offer.remedy, amountKrw: offer.amountKrw}];
  return html`<ul class="list-unstyled cd-offer-lines">${items.map(l => html`
    <li>${labels.option('lineRemedy', l.remedy)} ${won(l.amountKrw)}${l.description ? html` — ${l.description}` : ''}</li>`)}
  </ul>`;
}

function offersSection(offers, payouts, labels) {
  return html`
    <section class="cd-offers">
      <h4>해결안 ${offers.length}건</h4>
      ${offers.length ? html`
        <table class="table table-condensed">
          <thead><tr><th>차수</th><th>항목</th><th>합계</th><th>내용</th><th>작성</th><th>승인</th><th>고객 답변</th></tr></thead>
          <tbody>${offers.map(o => html`
            <tr><td>${o.round}차${o.finalOffer ? ' (최종)' : ''}</td><td>${lines(o, labels)}</td>
              <td>${won(o.amountKrw)}</td><td class="cd-text">${o.text}</td>
              <td>${o.preparedBy}<br>${time(o.createdAt)}</td><td>${approval(o)}</td><td>${answer(o)}</td></tr>`)}
          </tbody>
        </table>` : html`<p>아직 제시한 해결안이 없습니다.</p>`}
      <h4>지급 ${payouts.length}건</h4>
      ${payouts.length ? html`
        <table class="table table-condensed cd-payouts">
          <thead><tr><th>보상</th><th>금액</th><th>지급 시각</th><th>거래 번호</th></tr></thead>
          <tbody>${payouts.map(p => html`
            <tr><td>${labels.option('lineRemedy', p.remedy)}</td><td>${won(p.amountKrw)}</td><td>${time(p.paidAt)}</td>
              <td><code>${p.transactionId}</code></td></tr>`)}
          </tbody>
        </table>` : html`<p>지급 내역이 없습니다.</p>`}
    </section>`;
}

function value(key, v, labels) {
  if (typeof v === 'boolean') {
    return v ? '예' : '아니요';
  }
  if (v !== null && typeof v === 'object') {
    return JSON.stringify(v);
  }
  return labels.option(key, v);
}

/** A completed task's details are its form's values (JSON): shown by the forms' names, anything else as written. */
function details(text, labels) {
  if (text && text.startsWith('{')) {
    try {
      const fields = JSON.parse(text);
      return html`<dl class="cd-details">${Object.entries(fields).map(([key, v]) =>
        html`<dt>${labels.field(key)}</dt><dd>${value(key, v, labels)}</dd>`)}</dl>`;
    } catch (notJson) {
      // shown as written
    }
  }
  return text || '';
}

function timelineSection(entries, labels) {
  const newestFirst = [...entries].reverse();
  return html`
    <section class="cd-timeline">
      <h4>타임라인 <small>최근 순</small></h4>
      <table class="table table-condensed">
        <thead><tr><th>언제</th><th>누가</th><th>무엇을</th><th>내용</th></tr></thead>
        <tbody>${newestFirst.map(e => html`
          <tr data-kind="${e.kind}" data-actor="${e.actor}">
            <td class="cd-when">${time(e.at)}</td><td class="cd-who">${e.actorName || e.actor || ''}</td>
            <td class="cd-what"><span class="label label-default">${TIMELINE_KIND[e.kind] || e.kind}</span> ${labels.summary(e.summary)}</td>
            <td class="cd-text">${details(e.details, labels)}</td>
          </tr>`)}
        </tbody>
      </table>
    </section>`;
}

/** The whole panel; `actions` is the markup of the staff actions the caller may take. */
export function panel(view, labels, actions) {
  return html`
    <div class="cd-case-panel">
      <div class="cd-notice" role="status" aria-live="polite">${view.notice
        ? html`<p class="alert alert-success">${view.notice}</p>` : ''}</div>
      ${summary(view.complaint, view.tasks, labels)}
      ${actions}
      ${customerSection(view.customer, view.complaints, view.complaint.caseNumber, labels, view.customerRefusal)}
      ${tasksSection(view.tasks, view.taskId)}
      ${offersSection(view.complaint.offers || [], view.payouts, labels)}
      ${timelineSection(view.timeline, labels)}
    </div>`;
}
