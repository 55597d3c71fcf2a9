// Charts the figures of GET /api/dashboard; every figure links to the matching cases.
(function () {
  'use strict';
  const hours = s => s == null ? null : Math.round(s / 36) / 100;
  const fmt = n => Number(n).toLocaleString('en-US', { maximumFractionDigits: 2 });
  const casesUrl = params => '/api/unbinding-cases?' + new URLSearchParams(params).toString();
  const charts = [];

  function chart(id, option, onClick) {
    const c = echarts.init(document.getElementById(id));
    c.setOption(Object.assign({ animation: false, grid: { left: 48, right: 16, top: 28, bottom: 28 }, tooltip: { trigger: 'axis' } }, option));
    if (onClick) { c.on('click', onClick); }
    charts.push(c);
    return c;
  }

  function table(title, header, rows) {
    const head = '<tr>' + header.map(h => '<th>' + h + '</th>').join('') + '</tr>';
    const body = rows.map(r => '<tr>' + r.map(v => '<td>' + (v == null ? '–' : v) + '</td>').join('') + '</tr>').join('');
    return '<table><caption>' + title + '</caption>' + head + body + '</table>';
  }

  function render(d) {
    document.getElementById('days').textContent = d.days;
    document.getElementById('generated').textContent = d.generatedAt.replace('T', ' ').slice(0, 19);
    const open = Object.values(d.openByStage).reduce((a, b) => a + b, 0);
    document.getElementById('open').textContent = fmt(open);
    document.getElementById('overdue').textContent = fmt(d.reviewsOverdueNow);
    document.getElementById('incidents').textContent = fmt(d.incidentsOpen);
    document.getElementById('fees').textContent = fmt(d.fees.amount) + ' · ' + d.fees.count;
    document.getElementById('refunds').textContent = fmt(d.depositRefunds.amount) + ' · ' + d.depositRefunds.count;

    const stages = Object.keys(d.openByStage);
    chart('chart-stages', {
      xAxis: { type: 'category', data: stages }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: stages.map(s => d.openByStage[s]), itemStyle: { color: '#2f80ed' } }]
    }, p => { window.location = casesUrl({ status: 'OPEN', stage: p.name }); });

    const days = d.perDay.map(x => x.day);
    const outcome = (name, key, color) => ({ name: name, type: 'bar', stack: 'closed', data: d.perDay.map(x => x[key]), itemStyle: { color: color } });
    chart('chart-days', {
      legend: { top: 0 }, grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: days }, yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: 'opened', type: 'line', data: d.perDay.map(x => x.opened), itemStyle: { color: '#1f2933' } },
        outcome('unbound', 'unbound', '#27ae60'), outcome('rejected', 'rejected', '#eb5757'),
        outcome('withdrawn', 'withdrawn', '#f2994a'), outcome('lapsed', 'lapsed', '#bdbdbd'),
        outcome('cancelled', 'cancelled', '#9b51e0'), outcome('invalid', 'invalid', '#828282')
      ]
    }, p => { window.location = casesUrl({ from: p.name, to: p.name }); });

    const names = Object.keys(d.durations);
    chart('chart-durations', {
      legend: { top: 0 }, grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: names }, yAxis: { type: 'value', name: 'h' },
      series: [
        { name: 'median', type: 'bar', data: names.map(n => hours(d.durations[n].medianSeconds)), itemStyle: { color: '#2f80ed' } },
        { name: '90th percentile', type: 'bar', data: names.map(n => hours(d.durations[n].p90Seconds)), itemStyle: { color: '#56ccf2' } }
      ]
    }, () => { window.location = casesUrl({ status: 'CLOSED' }); });

    chart('chart-breaches', {
      xAxis: { type: 'category', data: d.slaBreachesPerDay.map(x => x.day) }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: d.slaBreachesPerDay.map(x => x.breaches), itemStyle: { color: '#f2994a' } }]
    }, p => { window.location = casesUrl({ from: p.name, to: p.name }); });

    chart('chart-reasons', {
      tooltip: { trigger: 'item' }, grid: { left: 160, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: d.rejectionReasons.map(r => r.reason || '(none)').reverse() },
      series: [{ type: 'bar', data: d.rejectionReasons.map(r => r.cases).reverse(), itemStyle: { color: '#eb5757' } }]
    }, () => { window.location = casesUrl({ status: 'CLOSED' }); });

    document.getElementById('table-view').innerHTML =
      table('Open cases by stage', ['stage', 'cases'], stages.map(s => [s, d.openByStage[s]])) +
      table('Durations (hours)', ['', 'median', 'p90', 'cases'], names.map(n => [n, hours(d.durations[n].medianSeconds), hours(d.durations[n].p90Seconds), d.durations[n].cases])) +
      table('Per day', ['day', 'opened', 'unbound', 'rejected', 'withdrawn', 'lapsed', 'cancelled', 'invalid'],
        d.perDay.map(x => [x.day, x.opened, x.unbound, x.rejected, x.withdrawn, x.lapsed, x.cancelled, x.invalid])) +
      table('Review SLA breaches', ['day', 'breaches'], d.slaBreachesPerDay.map(x => [x.day, x.breaches])) +
      table('Rejection reasons', ['reason', 'cases'], d.rejectionReasons.map(r => [r.reason, r.cases]));
    document.body.dataset.loaded = 'true';
  }

  // from the origin: a page opened with credentials in its URL cannot fetch relative URLs
  fetch(window.location.origin + '/api/dashboard', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => { if (!r.ok) { throw new Error('The dashboard answered ' + r.status); } return r.json(); })
    .then(render)
    .catch(e => { const el = document.getElementById('error'); el.hidden = false; el.textContent = e.message; });
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
}());
