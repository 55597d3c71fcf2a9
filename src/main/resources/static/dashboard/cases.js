// The cases behind a figure of the dashboard (GET /api/dashboard/cases with this page's query), as a table in
// Chinese: every code by its name, times as the registry keeps them (the business time zone). Text, never HTML.
(function () {
  'use strict';
  const NAMES = window.UnbindDeskNames;
  const query = new URLSearchParams(window.location.search);
  const days = query.get('days') || '30';

  /** What the list holds, said the way the figure that was clicked says it. */
  function describe(list) {
    const day = query.get('day');
    if (query.get('stage')) { return '处于“' + (NAMES.STAGES[query.get('stage')] || '未知阶段') + '”阶段的未结受理'; }
    if (query.get('category')) { return '最近' + days + '天按“' + (list.categoryName || '未知类别') + '”驳回的受理'; }
    if (query.get('dueDay')) { return NAMES.longDay(query.get('dueDay')) + '到期而超时的审核'; }
    if (day && query.get('outcome')) { return NAMES.longDay(day) + '结案为“' + (NAMES.OUTCOMES[query.get('outcome')] || '未知结果') + '”的受理'; }
    if (day) { return NAMES.longDay(day) + '新受理的案件'; }
    if (query.get('outcome')) { return '最近' + days + '天结案为“' + (NAMES.OUTCOMES[query.get('outcome')] || '未知结果') + '”的受理'; }
    if (query.get('withFee') === 'true') { return '最近' + days + '天已通知费用的受理'; }
    if (query.get('status')) { return (NAMES.STATUSES[query.get('status')] || '') + '的受理'; }
    return '最近' + days + '天的受理';
  }

  function cell(row, text) {
    const td = row.appendChild(document.createElement('td'));
    td.textContent = text == null || text === '' ? '–' : String(text);
    return td;
  }

  function standing(c) {
    if (c.status === 'OPEN') { return '处理中 · ' + (NAMES.STAGES[c.stage] || '—'); }
    return NAMES.OUTCOMES[c.outcome] || '已结案';
  }

  function why(c) {
    if (c.rejectionCategoryName) { return c.rejectionCategoryName + (c.outcomeReason ? '：' + c.outcomeReason : ''); }
    return c.outcomeReason;
  }

  function render(list) {
    const what = describe(list);
    const zone = list.businessTimeZone || 'Asia/Shanghai';
    document.getElementById('zone').textContent = zone === 'Asia/Shanghai' ? '北京时间' : zone;
    document.getElementById('what').textContent = what;
    document.getElementById('count').textContent = list.cases.length === 0 ? '没有符合条件的受理。'
      : '共' + list.cases.length + '件' + (list.truncated ? '（只列出最新的' + list.cases.length + '件）' : '') + '，最新受理在前。';
    const table = document.createElement('table');
    table.className = 'cases';
    table.appendChild(document.createElement('caption')).textContent = what;
    const head = table.appendChild(document.createElement('thead')).appendChild(document.createElement('tr'));
    ['受理编号', '商户', '终端号', '阶段/结果', '原因', '受理时间', '结案时间'].forEach(h => {
      const th = head.appendChild(document.createElement('th'));
      th.scope = 'col';
      th.textContent = h;
    });
    const body = table.appendChild(document.createElement('tbody'));
    list.cases.forEach(c => {
      const row = body.appendChild(document.createElement('tr'));
      cell(row, c.caseNumber).className = 'case-number';
      cell(row, c.merchantName ? c.merchantName + '（' + c.merchantNo + '）' : c.merchantNo);
      cell(row, c.terminalId);
      cell(row, standing(c));
      cell(row, why(c));
      cell(row, NAMES.dateTime(c.openedAt));
      cell(row, NAMES.dateTime(c.closedAt));
    });
    if (list.cases.length > 0) { document.getElementById('list').replaceChildren(table); }
    document.body.dataset.loaded = 'true';
  }

  // from the origin: a page opened with credentials in its URL cannot fetch relative URLs
  fetch(window.location.origin + '/api/dashboard/cases?' + query.toString(),
    { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => { if (!r.ok) { throw new Error('受理清单未能取得（状态 ' + r.status + '）。'); } return r.json(); })
    .then(render)
    .catch(e => { const el = document.getElementById('error'); el.hidden = false; el.textContent = e.message; });
}());
