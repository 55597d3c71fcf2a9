// Charts the figures of GET /api/dashboard in Chinese; a click on a bar opens the list of the matching cases
// (/dashboard/cases). Everything the figures carry is written as text, never as HTML.
(function () {
  'use strict';
  const NAMES = window.UnbindDeskNames;
  const STAGES = NAMES.STAGES;
  const DURATIONS = { total: '受理至确认', application: '申请审查', review: '审核', unbind: '解绑', confirmation: '解绑确认' };
  // the per-day figure's field, the outcome it counts, its colour
  const OUTCOMES = [
    ['unbound', 'UNBOUND', '#27ae60'], ['rejected', 'REJECTED', '#eb5757'], ['withdrawn', 'WITHDRAWN', '#f2994a'],
    ['lapsed', 'LAPSED', '#bdbdbd'], ['cancelled', 'CANCELLED', '#9b51e0'], ['invalid', 'REQUEST_INVALID', '#828282']
  ].map(([field, outcome, colour]) => [field, NAMES.OUTCOMES[outcome], colour, outcome]);
  const hours = s => s == null ? null : Math.round(s / 36) / 100;
  const fmt = n => Number(n).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  const casesUrl = params => '/dashboard/cases?' + new URLSearchParams(params).toString();
  const longDay = NAMES.longDay;
  // on an axis: 12月2日
  const shortDay = d => { const [, m, day] = d.split('-').map(Number); return m + '月' + day + '日'; };
  const charts = [];

  function axisName(name) {
    return { name: name, nameLocation: 'middle', nameGap: 30, nameTextStyle: { color: '#1f2933' } };
  }

  // the container is role="img"; ECharts' aria option writes its description as the aria-label
  function chart(id, option, onClick) {
    const c = echarts.init(document.getElementById(id), null, { locale: 'ZH' });
    c.setOption(Object.assign({
      animation: false, aria: { enabled: true },
      grid: { left: 64, right: 16, top: 28, bottom: 44 },
      // rich text is drawn, not parsed as HTML
      tooltip: { trigger: 'axis', renderMode: 'richText' }
    }, option));
    if (onClick) { c.on('click', onClick); }
    charts.push(c);
    return c;
  }

  /** A chart with nothing to show says so instead of drawing empty axes. */
  function empty(id, sentence) {
    const el = document.getElementById(id);
    // a sentence, not a picture: no longer an image to describe
    el.removeAttribute('role');
    el.classList.add('empty');
    el.textContent = sentence;
  }

  function element(tag, text) {
    const el = document.createElement(tag);
    if (text !== undefined) { el.textContent = text == null ? '–' : String(text); }
    return el;
  }

  function table(title, header, rows) {
    const t = element('table');
    t.appendChild(element('caption', title));
    const head = t.appendChild(element('thead')).appendChild(element('tr'));
    header.forEach(h => { const th = head.appendChild(element('th', h)); th.scope = 'col'; });
    const body = t.appendChild(element('tbody'));
    if (rows.length === 0) {
      const td = body.appendChild(element('tr')).appendChild(element('td', '暂无数据'));
      td.colSpan = header.length;
    }
    rows.forEach(r => {
      const tr = body.appendChild(element('tr'));
      r.forEach(v => tr.appendChild(element('td', v)));
    });
    return t;
  }

  function render(d) {
    document.getElementById('days').textContent = d.days;
    const zone = d.businessTimeZone || 'Asia/Shanghai';
    const when = new Intl.DateTimeFormat('zh-CN', {
      timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false
    }).formatToParts(new Date(d.generatedAt)).reduce((a, p) => Object.assign(a, { [p.type]: p.value }), {});
    document.getElementById('generated').textContent = when.year + '年' + when.month + '月' + when.day + '日 '
      + when.hour + ':' + when.minute + (zone === 'Asia/Shanghai' ? '（北京时间）' : '（' + zone + '）');
    const open = Object.values(d.openByStage).reduce((a, b) => a + b, 0);
    document.getElementById('open').textContent = fmt(open);
    document.getElementById('overdue').textContent = fmt(d.reviewsOverdueNow);
    document.getElementById('incidents').textContent = fmt(d.incidentsOpen);
    document.getElementById('fees').textContent = fmt(d.fees.amount) + ' · ' + d.fees.count;
    document.getElementById('refunds').textContent = fmt(d.depositRefunds.amount) + ' · ' + d.depositRefunds.count;

    const stages = Object.keys(d.openByStage);
    if (open === 0) {
      empty('chart-stages', '目前没有未结的受理。');
    } else {
      chart('chart-stages', {
        xAxis: Object.assign({ type: 'category', data: stages.map(s => STAGES[s] || s) }, axisName('阶段')),
        yAxis: Object.assign({ type: 'value', minInterval: 1 }, axisName('受理（件）'), { nameGap: 40 }),
        series: [{ name: '未结受理', type: 'bar', data: stages.map(s => d.openByStage[s]), itemStyle: { color: '#2f80ed' } }]
      }, p => { window.location = casesUrl({ status: 'OPEN', stage: stages[p.dataIndex] }); });
    }

    const days = d.perDay.map(x => x.day);
    const anyDay = d.perDay.some(x => x.opened + OUTCOMES.reduce((a, o) => a + x[o[0]], 0) > 0);
    if (!anyDay) {
      empty('chart-days', '最近' + d.days + '天没有新受理，也没有结案。');
    } else {
      chart('chart-days', {
        legend: { top: 0 }, grid: { left: 64, right: 16, top: 36, bottom: 44 },
        xAxis: Object.assign({ type: 'category', data: days.map(shortDay) }, axisName('日期')),
        yAxis: Object.assign({ type: 'value', minInterval: 1 }, axisName('受理（件）'), { nameGap: 40 }),
        series: [{ name: '新受理', type: 'line', data: d.perDay.map(x => x.opened), itemStyle: { color: '#1f2933' } }]
          .concat(OUTCOMES.map(o => ({ name: o[1], type: 'bar', stack: 'closed', data: d.perDay.map(x => x[o[0]]), itemStyle: { color: o[2] } })))
      }, p => {
        // the line counts the cases opened that day, each bar those closed that day with its outcome
        const bar = OUTCOMES[p.seriesIndex - 1];
        window.location = casesUrl(bar ? { day: days[p.dataIndex], outcome: bar[3] } : { day: days[p.dataIndex] });
      });
    }

    const names = Object.keys(d.durations);
    if (names.every(n => d.durations[n].cases === 0)) {
      empty('chart-durations', '最近' + d.days + '天没有完成解绑的受理，暂无用时。');
    } else {
      chart('chart-durations', {
        legend: { top: 0 }, grid: { left: 64, right: 16, top: 36, bottom: 44 },
        xAxis: Object.assign({ type: 'category', data: names.map(n => DURATIONS[n] || n) }, axisName('阶段')),
        yAxis: Object.assign({ type: 'value' }, axisName('用时（小时）'), { nameGap: 40 }),
        series: [
          { name: '中位数', type: 'bar', data: names.map(n => hours(d.durations[n].medianSeconds)), itemStyle: { color: '#2f80ed' } },
          { name: '90%分位', type: 'bar', data: names.map(n => hours(d.durations[n].p90Seconds)), itemStyle: { color: '#56ccf2' } }
        ]
      }, () => { window.location = casesUrl({ outcome: 'UNBOUND', days: d.days }); });
    }

    if (d.slaBreachesPerDay.length === 0) {
      empty('chart-breaches', '最近' + d.days + '天没有审核超时。');
    } else {
      chart('chart-breaches', {
        xAxis: Object.assign({ type: 'category', data: d.slaBreachesPerDay.map(x => shortDay(x.day)) }, axisName('审核截止日')),
        yAxis: Object.assign({ type: 'value', minInterval: 1 }, axisName('超时审核（件）'), { nameGap: 40 }),
        series: [{ name: '超时审核', type: 'bar', data: d.slaBreachesPerDay.map(x => x.breaches), itemStyle: { color: '#f2994a' } }]
      }, p => { const day = d.slaBreachesPerDay[p.dataIndex].day; window.location = casesUrl({ dueDay: day }); });
    }

    const rejections = d.rejectionCategories.slice().reverse();
    if (rejections.every(r => r.cases === 0)) {
      empty('chart-reasons', '最近' + d.days + '天没有驳回的受理。');
    } else {
      chart('chart-reasons', {
        tooltip: { trigger: 'item', renderMode: 'richText' }, grid: { left: 160, right: 24, top: 28, bottom: 44 },
        xAxis: Object.assign({ type: 'value', minInterval: 1 }, axisName('受理（件）')),
        yAxis: { type: 'category', name: '驳回原因类别', nameLocation: 'end', data: rejections.map(r => r.name) },
        series: [{ name: '驳回', type: 'bar', data: rejections.map(r => r.cases), itemStyle: { color: '#eb5757' } }]
      }, p => { window.location = casesUrl({ category: rejections[p.dataIndex].category, days: d.days }); });
    }

    const view = document.getElementById('table-view');
    view.replaceChildren(
      table('未结受理按阶段', ['阶段', '受理（件）'], stages.map(s => [STAGES[s] || s, d.openByStage[s]])),
      table('用时（小时）', ['阶段', '中位数', '90%分位', '受理（件）'], names.map(n => [DURATIONS[n] || n, hours(d.durations[n].medianSeconds), hours(d.durations[n].p90Seconds), d.durations[n].cases])),
      table('每日', ['日期', '新受理'].concat(OUTCOMES.map(o => o[1])),
        d.perDay.map(x => [longDay(x.day), x.opened].concat(OUTCOMES.map(o => x[o[0]])))),
      table('审核超时', ['审核截止日', '超时审核（件）'], d.slaBreachesPerDay.map(x => [longDay(x.day), x.breaches])),
      table('驳回原因类别', ['类别', '受理（件）'], d.rejectionCategories.map(r => [r.name, r.cases])));
    document.body.dataset.loaded = 'true';
  }

  // from the origin: a page opened with credentials in its URL cannot fetch relative URLs
  fetch(window.location.origin + '/api/dashboard', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => { if (!r.ok) { throw new Error('看板数据未能取得（状态 ' + r.status + '）。'); } return r.json(); })
    .then(render)
    .catch(e => { const el = document.getElementById('error'); el.hidden = false; el.textContent = e.message; });
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
}());
