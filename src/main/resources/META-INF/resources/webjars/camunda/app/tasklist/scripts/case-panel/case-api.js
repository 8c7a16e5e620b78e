/*
 * The case API (/api beside the Camunda webapps) and Camunda's engine API, called with the Tasklist login of the
 * browser. A change carries Camunda's CSRF token in X-XSRF-TOKEN, as Tasklist's own requests do; the case API
 * refuses a change made with the login without it.
 */

/** Where the case API is: beside the webapps' path (/camunda), under the same context path. */
export function applicationBase() {
  const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
  return appRoot.replace(/\/[^/]*$/, '');
}

function cookie(name) {
  const prefix = name + '=';
  const found = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith(prefix));
  return found ? decodeURIComponent(found.substring(prefix.length)) : null;
}

/** A refusal as the case API words it (application/problem+json): Korean title, detail, and the bad fields. */
export class Refused extends Error {
  constructor(status, title, detail, errors) {
    super(detail || title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = Array.isArray(errors) ? errors : [];
  }
}

/** What is said when the answer carries no Korean problem of its own (e.g. the engine API's English messages). */
const PLAIN_REFUSALS = {
  401: ['로그인이 필요합니다', '로그인이 끝났습니다. Tasklist에 다시 로그인해 주세요.'],
  403: ['권한이 없습니다', '이 일을 할 권한이 없습니다.'],
  404: ['찾을 수 없습니다', '요청한 정보가 없습니다.']
};

async function refusal(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('problem+json')) {
    try {
      const problem = await response.json();
      return new Refused(response.status, problem.title, problem.detail, problem.errors);
    } catch (unreadable) {
      // falls through to the plain wording
    }
  }
  const [title, detail] = PLAIN_REFUSALS[response.status]
    || ['처리하지 못했습니다', `서버가 요청을 처리하지 못했습니다 (HTTP ${response.status}). 잠시 뒤 다시 시도해 주세요.`];
  return new Refused(response.status, title, detail);
}

/** The calls the panel makes, with the `api` Tasklist gives the plugin's render function. */
export function caseApi(api) {
  const base = applicationBase() + '/api';

  async function send(method, url, body) {
    const headers = {Accept: 'application/json, application/problem+json'};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN') || api.CSRFToken;
    }
    let response;
    try {
      response = await fetch(url, {
        method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body)
      });
    } catch (unreachable) {
      throw new Refused(0, '서버에 연결할 수 없습니다', '네트워크 연결을 확인한 뒤 다시 시도해 주세요.');
    }
    if (!response.ok) {
      throw await refusal(response);
    }
    return response.status === 204 ? null : response.json();
  }

  const complaint = caseNumber => `${base}/complaints/${encodeURIComponent(caseNumber)}`;
  const customer = customerId => `${base}/customers/${encodeURIComponent(customerId)}`;

  return {
    /** The case of a task (its process variable caseNumber), or null for a task of no case. */
    async caseNumberOf(taskId) {
      try {
        const variable = await send('GET', `${api.engineApi}/task/${encodeURIComponent(taskId)}/variables/caseNumber`);
        return variable && variable.value ? String(variable.value) : null;
      } catch (e) {
        if (e.status === 404) {
          return null;
        }
        throw e;
      }
    },
    formLabels: () => send('GET', `${base}/form-labels`),
    complaint: caseNumber => send('GET', complaint(caseNumber)),
    timeline: caseNumber => send('GET', `${complaint(caseNumber)}/timeline`),
    tasks: caseNumber => send('GET', `${complaint(caseNumber)}/tasks`),
    payouts: caseNumber => send('GET', `${complaint(caseNumber)}/payouts`),
    customer: customerId => send('GET', customer(customerId)),
    complaintsOf: customerId => send('GET', `${customer(customerId)}/complaints`),
    recordContact: (caseNumber, body) => send('POST', `${complaint(caseNumber)}/contacts`, body),
    raiseThreat: (caseNumber, body) => send('POST', `${complaint(caseNumber)}/threats`, body),
    reportAbuse: (caseNumber, body) => send('POST', `${complaint(caseNumber)}/abuse-reports`, body),
    recordWithdrawal: (caseNumber, body) => send('POST', `${complaint(caseNumber)}/withdrawal`, body),
    requestVisit: (caseNumber, body) => send('POST', `${complaint(caseNumber)}/visit-requests`, body),
    reclassify: (caseNumber, body) => send('POST', `${complaint(caseNumber)}/classification`, body),
    changeEta: (caseNumber, body) => send('POST', `${complaint(caseNumber)}/eta`, body),
    mergeCustomers: (customerId, body) => send('POST', `${customer(customerId)}/merge`, body)
  };
}
