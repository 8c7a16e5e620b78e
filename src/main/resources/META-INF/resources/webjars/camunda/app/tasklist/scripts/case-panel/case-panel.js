/*
 * Tasklist plugin: a tab "사건" beside every task of a complaint case. It shows the case (number, channel,
 * category, priority, status, owner, the next due date), its customer with every identity and earlier
 * complaints, the open tasks and who holds them, offers and payouts, and the timeline; and it lets staff record
 * what the case API allows them (a contact, a threat, an abuse report, a withdrawal; for the customer-service
 * desk also a care visit after first contact, a corrected category and a merge of two customers). The customer
 * section is the customer-service desk's; others see the API's reason.
 *
 * Loaded by Tasklist's config.js as an ES module: customScripts: ['scripts/case-panel/case-panel'].
 * Plain JavaScript with no build step; everything it reads comes from the case API with the Tasklist login.
 */
import {bindActions, actionsSection} from './case-actions.js';
import {caseApi} from './case-api.js';
import {Labels, message, panel, refusalText} from './case-view.js';

const STYLESHEET = new URL('./case-panel.css', import.meta.url).href;

function addStylesheet() {
  if (![...document.querySelectorAll('link[rel="stylesheet"]')].some(link => link.href === STYLESHEET)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = STYLESHEET;
    document.head.appendChild(link);
  }
}

/** The forms' names change only with a deployment: read once per page, again after a failed read. */
let formLabels = null;

function labelsOnce(api) {
  if (!formLabels) {
    formLabels = api.formLabels().then(labels => new Labels(labels)).catch(e => {
      formLabels = null;
      throw e;
    });
  }
  return formLabels;
}

/** The panel of one task, drawn into `node`. */
class CasePanel {
  constructor(node, api, taskId) {
    this.node = node;
    this.api = api;
    this.taskId = taskId;
  }

  draw(markup) {
    this.node.innerHTML = String(markup);
  }

  async open() {
    this.draw(message('사건 정보를 불러오는 중입니다…'));
    try {
      const [caseNumber, labels] = await Promise.all([this.api.caseNumberOf(this.taskId), labelsOnce(this.api)]);
      if (!caseNumber) {
        this.draw(message('이 작업은 불만 사건에 속하지 않아 보여 줄 사건 정보가 없습니다.'));
        return;
      }
      this.caseNumber = caseNumber;
      this.labels = labels;
      await this.show(null);
    } catch (refused) {
      this.draw(message(`사건 정보를 불러오지 못했습니다. ${refusalText(refused)}`, 'danger'));
    }
  }

  /** Reads the case afresh and draws it, with `notice` (what was just recorded) on top. */
  async show(notice) {
    const api = this.api;
    const [complaint, timeline, tasks, payouts] = await Promise.all([api.complaint(this.caseNumber),
      api.timeline(this.caseNumber), api.tasks(this.caseNumber), api.payouts(this.caseNumber)]);
    // The customer file is the customer-service desk's: others get the API's reason instead.
    let customer = null;
    let complaints = [];
    let customerRefusal = null;
    try {
      [customer, complaints] = await Promise.all([api.customer(complaint.customerId), api.complaintsOf(complaint.customerId)]);
    } catch (refused) {
      customerRefusal = refusalText(refused);
    }
    const view = {complaint, timeline, tasks, payouts, customer, complaints, customerRefusal, notice, taskId: this.taskId};
    const actions = actionsSection(complaint.actions || [], this.labels, complaint.status === 'CLOSED');
    this.draw(panel(view, this.labels, actions));
    const customerId = customer ? customer.customerId : complaint.customerId;
    bindActions(this.node, api, {caseNumber: this.caseNumber, customerId}, recorded => this.show(recorded).catch(refused =>
      this.draw(message(`${recorded} 사건을 다시 불러오지 못했습니다. ${refusalText(refused)}`, 'warning'))));
  }
}

export default {
  id: 'case-panel',
  pluginPoint: 'tasklist.task.detail',
  // After the form (1000), before the history (800), the diagram (600) and the description (100).
  priority: 900,
  label: '사건',
  render(node, {api, taskId}) {
    addStylesheet();
    new CasePanel(node, caseApi(api), taskId).open();
  }
};
