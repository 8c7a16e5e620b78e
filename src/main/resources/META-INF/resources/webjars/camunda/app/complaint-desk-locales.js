/*
 * The language of Tasklist, Welcome, Cockpit and Admin; each app's scripts/config.js passes its locales here.
 *
 * Camunda shows the browser's first preferred language (navigator.languages[0]) when it is one of
 * availableLocales, and fallbackLocale otherwise; the webapps have no language menu. Offered Korean and
 * English, an English-preferring browser would get English, so the browser's preference is not asked:
 * each app is offered only the language chosen in this browser, Korean unless English was chosen with the
 * link on the Welcome page or by opening a webapp page with ?lang=en (e.g. /camunda/app/cockpit/default/?lang=en).
 * The choice is kept in localStorage for all four apps; ?lang=ko goes back.
 */
const CHOSEN_LANGUAGE = 'complaint-desk.language';

export function chooseLocales({ availableLocales, fallbackLocale }) {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (availableLocales.includes(asked)) {
    window.localStorage.setItem(CHOSEN_LANGUAGE, asked);
  }
  const chosen = window.localStorage.getItem(CHOSEN_LANGUAGE);
  const language = availableLocales.includes(chosen) ? chosen : fallbackLocale;
  return { availableLocales: [language], fallbackLocale: language };
}
