/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Shadows the bundled config.js of Camunda's webjar (same path, the application's classpath comes first).
// Language: Korean, whatever the browser prefers; see ../../complaint-desk-locales.js for why and how
// English is chosen. ../locales/ko.json holds the labels and the date locale (months, "하루 후").
import { chooseLocales } from '../../complaint-desk-locales.js';

const locales = chooseLocales({
  availableLocales: ['ko', 'en'],
  fallbackLocale: 'ko'
});

export default {
  app: {
    name: 'Tasklist',
    vendor: 'Complaint Desk'
  },
  locales,
  // The case panel (tab 사건 beside every task). When Korean is chosen: AngularJS's date names (the date
  // picker's months and weekdays) and the fixed English texts of Camunda Forms (form-js), which ko.json cannot reach.
  customScripts: ['scripts/case-panel/case-panel'].concat(
    locales.fallbackLocale === 'ko' ? ['../complaint-desk-angular-ko', 'scripts/complaint-desk-forms-ko'] : []),
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '선택한 작업 담당하기'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '첫 번째 필터로 이동'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '목록의 첫 번째 작업으로 이동'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '작업 양식의 첫 번째 입력란으로 이동'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '프로세스 시작 창 열기'
    }
  }
};
