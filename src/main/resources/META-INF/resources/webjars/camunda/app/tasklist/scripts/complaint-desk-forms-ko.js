/*
 * Korean for the fixed English texts of Camunda Forms. Tasklist 7.24 renders them with form-js 1.8.7
 * (lib/deps.js of the webjar), which has no translation API: its validation messages, select and tag-list
 * texts, list and table buttons are English literals, and its date picker (flatpickr) runs on flatpickr's
 * English default locale. scripts/config.js loads this as a custom script while the language is Korean.
 *
 * Texts are translated as form-js renders them, and only inside form-js's own elements (the form container,
 * and the notice its bpmn.io logo opens on the page); Tasklist around them is left alone.
 */

// Every English text form-js 1.8.7's viewer can show, as it writes it.
const TEXTS = {
  'Field is required.': '필수 입력 항목입니다.',
  'Field must be a valid email.': '올바른 이메일 주소를 입력하세요.',
  'Field must be a valid  international phone number. (e.g. +4930664040900)':
    '국가 번호를 포함한 올바른 전화번호를 입력하세요. (예: +821012345678)',
  'Value is not a number.': '숫자를 입력하세요.',
  'Value is expected to be an integer.': '정수를 입력하세요.',
  'Date and time must both be entered.': '날짜와 시간을 모두 입력하세요.',
  'Select': '선택하세요',
  'Search': '검색',
  'No results': '일치하는 값이 없습니다',
  'All values selected': '모든 값을 선택했습니다',
  'Remove tag': '선택 취소',
  'Skip to search': '검색으로 건너뛰기',
  'Increment': '값 올리기',
  'Decrement': '값 내리기',
  'Add new': '추가',
  'Collapse': '접기',
  'Nothing to show.': '표시할 항목이 없습니다.',
  'of': '/',
  'Previous page': '이전 페이지',
  'Next page': '다음 페이지',
  'Click to remove sorting': '정렬 해제',
  'No content to show.': '표시할 내용이 없습니다.',
  'External content couldn\'t be loaded.': '외부 콘텐츠를 불러오지 못했습니다.',
  'This is an image placeholder': '이미지 자리',
  'Powered by bpmn.io': 'bpmn.io 제공',
  'Web-based tooling for BPMN, DMN, and forms powered by': 'BPMN·DMN·양식 웹 도구 제공:'
};

// Texts with a number or a name in them.
const PATTERNS = [
  [/^Field must have minimum length of (\d+)\.$/, '최소 $1자 이상 입력하세요.'],
  [/^Field must have maximum length of (\d+)\.$/, '최대 $1자까지 입력할 수 있습니다.'],
  [/^Field must have minimum value of (.+)\.$/, '$1 이상이어야 합니다.'],
  [/^Field must have maximum value of (.+)\.$/, '$1 이하여야 합니다.'],
  // The pattern itself is a regular expression, which says nothing to staff.
  [/^Field must match pattern [\s\S]*\.$/, '형식이 올바르지 않습니다.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, '소수점 아래 $1자리까지 입력할 수 있습니다.'],
  [/^Please select a valid value, the two nearest valid values are (\S+) and (\S+)\.$/,
    '올바른 값이 아닙니다. 가장 가까운 값은 $1 또는 $2입니다.'],
  [/^Remove list item (\d+)$/, '$1번째 항목 삭제'],
  [/^Expand all \((\d+)\)$/, '모두 펼치기 ($1)'],
  [/^Click to sort by (.+) ascending$/, '$1 오름차순 정렬'],
  [/^Click to sort by (.+) descending$/, '$1 내림차순 정렬']
];

// flatpickr's texts for the date picker; its Korean locale is not bundled.
const months = Array.from({ length: 12 }, (_, i) => `${i + 1}월`);
const weekdays = ['일', '월', '화', '수', '목', '금', '토'];
const DATE_PICKER = {
  weekdays: { shorthand: weekdays, longhand: weekdays.map(day => `${day}요일`) },
  months: { shorthand: months, longhand: months },
  ordinal: () => '',
  rangeSeparator: ' ~ ',
  weekAbbreviation: '주',
  scrollTitle: '스크롤하여 변경',
  toggleTitle: '클릭하여 전환',
  amPM: ['오전', '오후'],
  yearAriaLabel: '연도',
  monthAriaLabel: '월',
  hourAriaLabel: '시',
  minuteAriaLabel: '분'
};
// How a day of the calendar is read out (flatpickr's default is "December 7, 2026").
const DAY_ARIA_FORMAT = 'Y년 F j일';

const FORM_JS = '.fjs-container, .fjs-powered-by-lightbox';
const ATTRIBUTES = ['placeholder', 'aria-label', 'title', 'alt'];

function korean(text) {
  const core = text.trim();
  if (!core) {
    return null;
  }
  let translation = TEXTS[core];
  if (translation === undefined) {
    const pattern = PATTERNS.find(([english]) => english.test(core));
    translation = pattern && core.replace(...pattern);
  }
  return translation ? text.replace(core, () => translation) : null;
}

function translateText(node) {
  const translation = korean(node.data);
  if (translation) {
    node.data = translation;
  }
}

function translateAttribute(element, name) {
  const translation = element.hasAttribute(name) && korean(element.getAttribute(name));
  if (translation) {
    element.setAttribute(name, translation);
  }
}

function translateTree(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      translateText(node);
    } else {
      ATTRIBUTES.forEach(name => translateAttribute(node, name));
    }
  }
}

function insideFormJs(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!element && element.closest(FORM_JS) !== null;
}

// form-js (Preact) compares what it renders with what it rendered before, not with the page, so a translated
// text stays until form-js writes another one, which is then translated in turn.
new MutationObserver(mutations => {
  for (const mutation of mutations) {
    const target = mutation.target;
    if (mutation.type === 'attributes') {
      if (insideFormJs(target)) {
        translateAttribute(target, mutation.attributeName);
      }
    } else if (mutation.type === 'characterData') {
      if (insideFormJs(target)) {
        translateText(target);
      }
    } else {
      mutation.addedNodes.forEach(node => {
        if (insideFormJs(node)) {
          translateTree(node);
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          node.querySelectorAll(FORM_JS).forEach(translateTree);
        }
      });
    }
  }
}).observe(document.body, {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  attributeFilter: ATTRIBUTES
});

// form-js creates its date pickers with flatpickr's default locale, which the webjar's deps.js puts on window.
window.flatpickr.localize(DATE_PICKER);
window.flatpickr.setDefaults({ ariaDateFormat: DAY_ARIA_FORMAT });
