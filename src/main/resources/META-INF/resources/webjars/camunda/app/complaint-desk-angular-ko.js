/*
 * Korean names for AngularJS's own date formats, which the webapps' date picker uses (due and follow-up dates,
 * date criteria of a search). Everything else about dates comes from dateLocales in ko.json (moment.js).
 * Each app's scripts/config.js loads this as a custom script while the language is Korean; it runs before the
 * app starts Angular.
 */
const months = Array.from({ length: 12 }, (_, i) => `${i + 1}월`);
const weekdays = ['일', '월', '화', '수', '목', '금', '토'];

window.angular.module('ngLocale')
  .config(['$provide', $provide => $provide.decorator('$locale', ['$delegate', locale => {
    Object.assign(locale.DATETIME_FORMATS, {
      AMPMS: ['오전', '오후'],
      DAY: weekdays.map(day => `${day}요일`),
      SHORTDAY: weekdays,
      MONTH: months,
      SHORTMONTH: months,
      STANDALONEMONTH: months,
      FIRSTDAYOFWEEK: 6,
      fullDate: 'y년 M월 d일 EEEE',
      longDate: 'y년 M월 d일',
      medium: 'y. M. d. HH:mm:ss',
      mediumDate: 'y. M. d.',
      mediumTime: 'HH:mm:ss',
      short: 'yy. M. d. HH:mm',
      shortDate: 'yy. M. d.',
      shortTime: 'HH:mm'
    });
    locale.id = 'ko-kr';
    return locale;
  }])])
  // The date picker's titles put the month before the year ("December 2026"); Korean puts the year first.
  .run(['$injector', $injector => {
    if ($injector.has('uibDatepickerConfig')) {
      Object.assign($injector.get('uibDatepickerConfig'), {
        formatDayTitle: 'y년 MMMM',
        formatMonthTitle: 'y년'
      });
    }
  }]);
