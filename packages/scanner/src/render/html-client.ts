/**
 * The dashboard's own script, run in the browser after Chart.js. Plain ES2017 in a string (the
 * page is a single self-contained file, and this package compiles without DOM types). It reads
 * the data block, draws the charts and makes tables sortable; it never builds HTML from data,
 * only text nodes and Chart.js labels, so nothing in the data can become markup.
 */
export const DASHBOARD_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('flagdebt-data').textContent);
  var TYPE_COLORS = { release: '#6366f1', experiment: '#06b6d4', ops: '#f59e0b', permission: '#10b981' };
  var STATE_COLORS = { active: '#3b82f6', complete: '#a855f7', archived: '#94a3b8' };
  var STALE = '#ef4444';
  var OWNER_COLORS = ['#ef4444', '#6366f1', '#f59e0b', '#10b981', '#06b6d4', '#a855f7', '#ec4899', '#84cc16', '#64748b', '#0ea5e9', '#f97316', '#94a3b8'];
  var HEALTHY = '#60a5fa';

  function initCharts() {
    if (typeof Chart === 'undefined') {
      document.body.setAttribute('data-charts', 'unavailable');
      return;
    }
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = '#475569';
    Chart.defaults.animation = false;
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.plugins.legend.labels.boxWidth = 12;
    var charts = data.charts;
    var made = 0;

    function draw(id, config) {
      var canvas = document.getElementById(id);
      if (!canvas) return;
      new Chart(canvas, config);
      made += 1;
    }

    function doughnut(id, labels, values, colors) {
      draw(id, {
        type: 'doughnut',
        data: { labels: labels, datasets: [{ data: values, backgroundColor: colors, borderWidth: 2, borderColor: '#ffffff' }] },
        options: { cutout: '58%', plugins: { legend: { position: 'right' } } },
      });
    }

    if (data.hasScan) {
      doughnut('chart-type', charts.types, charts.byType, charts.types.map(function (t) { return TYPE_COLORS[t]; }));
      doughnut('chart-state', charts.states, charts.byState, charts.states.map(function (s) { return STATE_COLORS[s]; }));
      draw('chart-owner', {
        type: 'bar',
        data: {
          labels: charts.owners.map(function (o) { return o.owner; }),
          datasets: [
            { label: 'stale', data: charts.owners.map(function (o) { return o.stale; }), backgroundColor: STALE },
            { label: 'healthy', data: charts.owners.map(function (o) { return o.healthy; }), backgroundColor: HEALTHY },
          ],
        },
        options: {
          indexAxis: 'y',
          scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } },
          plugins: { legend: { position: 'bottom' } },
        },
      });
      draw('chart-age', {
        type: 'bar',
        data: {
          labels: charts.ageLabels,
          datasets: charts.types.map(function (t, i) {
            return { label: t, data: charts.ageByType[i], backgroundColor: TYPE_COLORS[t] };
          }),
        },
        options: {
          scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 }, title: { display: true, text: 'flags' } } },
          plugins: { legend: { position: 'bottom' } },
        },
      });
    }

    if (charts.trend) {
      var trend = charts.trend;
      var tooltipTitle = function (items) {
        var i = items[0].dataIndex;
        return trend.labels[i] + '  (' + trend.commits[i] + ')';
      };
      draw('chart-trend', {
        type: 'line',
        data: {
          labels: trend.labels,
          datasets: [
            { label: 'flags', data: trend.flags, borderColor: '#6366f1', backgroundColor: '#6366f1', tension: 0.25 },
            { label: 'stale', data: trend.stale, borderColor: STALE, backgroundColor: STALE, tension: 0.25 },
            { label: 'unregistered', data: trend.unregistered, borderColor: '#f59e0b', backgroundColor: '#f59e0b', tension: 0.25 },
            { label: 'references', data: trend.references, borderColor: '#94a3b8', backgroundColor: '#94a3b8', borderDash: [6, 4], tension: 0.25, yAxisID: 'refs' },
          ],
        },
        options: {
          interaction: { mode: 'index', intersect: false },
          scales: {
            y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'flags' } },
            refs: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { precision: 0 }, title: { display: true, text: 'references' } },
          },
          plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { title: tooltipTitle } } },
        },
      });
      draw('chart-trend-type', {
        type: 'line',
        data: {
          labels: trend.labels,
          datasets: charts.types.map(function (t, i) {
            return { label: t, data: trend.byType[i], borderColor: TYPE_COLORS[t], backgroundColor: TYPE_COLORS[t] + '99', fill: i === 0 ? 'origin' : '-1', tension: 0.25, pointRadius: 0 };
          }),
        },
        options: {
          interaction: { mode: 'index', intersect: false },
          scales: { y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { title: tooltipTitle } } },
        },
      });
      var keysOf = function (lists) {
        return function (item) {
          var keys = lists[item.dataIndex];
          return keys.length === 0 ? '' : keys.slice(0, 12).join(', ') + (keys.length > 12 ? ', …' : '');
        };
      };
      draw('chart-trend-changes', {
        type: 'bar',
        data: {
          labels: trend.labels,
          datasets: [
            { label: 'added', data: trend.added.map(function (k) { return k.length; }), backgroundColor: '#10b981' },
            { label: 'removed', data: trend.removed.map(function (k) { return -k.length; }), backgroundColor: STALE },
          ],
        },
        options: {
          interaction: { mode: 'index', intersect: false },
          scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 }, title: { display: true, text: 'flags' } } },
          plugins: {
            legend: { position: 'bottom' },
            tooltip: { callbacks: { title: tooltipTitle, afterLabel: function (item) { return keysOf(item.datasetIndex === 0 ? trend.added : trend.removed)(item); } } },
          },
        },
      });
      draw('chart-trend-owner', {
        type: 'line',
        data: {
          labels: trend.labels,
          datasets: trend.owners.map(function (owner, i) {
            var color = OWNER_COLORS[i % OWNER_COLORS.length];
            return { label: owner, data: trend.staleByOwner[i], borderColor: color, backgroundColor: color, tension: 0.25 };
          }),
        },
        options: {
          interaction: { mode: 'index', intersect: false },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'stale flags' } } },
          plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { title: tooltipTitle } } },
        },
      });
    }
    document.body.setAttribute('data-charts', String(made));
  }

  function initSorting(table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (th) {
      th.querySelector('button').addEventListener('click', function () {
        var col = Number(th.getAttribute('data-col'));
        var numeric = th.getAttribute('data-kind') === 'number';
        var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        headers.forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', dir);
        var sign = dir === 'ascending' ? 1 : -1;
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute('data-sort');
          var y = b.cells[col].getAttribute('data-sort');
          var c = numeric ? Number(x) - Number(y) : x.localeCompare(y, undefined, { numeric: true, sensitivity: 'base' });
          return c * sign;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function initCopy(button) {
    button.addEventListener('click', function () {
      var command = button.getAttribute('data-copy');
      var done = function () {
        button.textContent = 'Copied';
        setTimeout(function () { button.textContent = 'Copy'; }, 1500);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(command).then(done, function () { selectCommand(button); });
      } else {
        selectCommand(button);
      }
    });
  }

  function selectCommand(button) {
    var range = document.createRange();
    range.selectNodeContents(button.previousElementSibling);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  /** Hides the rows of the all-flags table that lack any word typed in the search box. */
  function initSearch(input) {
    var table = document.getElementById(input.getAttribute('aria-controls'));
    var count = document.getElementById('flag-search-count');
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    input.addEventListener('input', function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.getAttribute('data-search') || '';
        var match = words.every(function (word) { return text.indexOf(word) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      if (count) count.textContent = shown + ' of ' + rows.length;
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), initSorting);
  Array.prototype.forEach.call(document.querySelectorAll('input#flag-search'), initSearch);
  Array.prototype.forEach.call(document.querySelectorAll('button.copy'), initCopy);
  initCharts();
})();
`;
