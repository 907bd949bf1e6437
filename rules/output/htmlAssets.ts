/** The report's stylesheet and filter script, inlined (the report is one self-contained file). */

export const REPORT_CSS = `
:root { --fail: #d13212; --pass: #1d8102; --muted: #5f6b7a; --line: #d5dbe1; --bg: #f4f6f8; --ink: #16191f; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
header { background: #232f3e; color: #fff; padding: 18px 28px; }
header h1 { margin: 0 0 4px; font-size: 22px; font-weight: 600; }
header p { margin: 0; color: #c7d0d9; }
main { padding: 20px 28px 40px; max-width: 1400px; margin: 0 auto; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin-bottom: 18px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.card .n { font-size: 28px; font-weight: 700; }
.card .l { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card.fail .n { color: var(--fail); } .card.pass .n { color: var(--pass); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 12px; margin-bottom: 18px; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.panel h2 { font-size: 15px; margin: 0 0 8px; }
.legend { font-size: 12px; color: var(--muted); margin-bottom: 6px; }
.legend span::before { content: ""; display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 10px; vertical-align: -1px; }
.legend .f::before { background: var(--fail); } .legend .p::before { background: var(--pass); } .legend .o::before { background: #8d99a8; }
.chart-label { font-size: 12px; fill: #16191f; } .chart-count { font-size: 11px; fill: #5f6b7a; }
.tile-id { font-size: 15px; font-weight: 700; } .tile-count { font-size: 12px; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 0 0 10px; }
.filters input, .filters select { font: inherit; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.filters input { flex: 1 1 260px; }
#count { color: var(--muted); margin-left: auto; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; background: #fff; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
col.c-status { width: 160px; } col.c-rule { width: 165px; } col.c-account { width: 140px; } col.c-resource { width: 220px; } col.c-scen { width: 105px; } col.c-fix { width: 24%; }
th, td { text-align: left; vertical-align: top; padding: 7px 10px; border-bottom: 1px solid #eceff2; overflow-wrap: anywhere; }
td.rule { font-size: 12px; }
th { white-space: nowrap; background: #fafbfc; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
tr.detail td:first-child { padding-left: 22px; border-left: 3px solid #d5dbe1; }
tr.detail td { background: #fcfcfd; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge.NON_COMPLIANT { background: #fde7e3; color: var(--fail); }
.badge.COMPLIANT { background: #e6f4e2; color: var(--pass); }
.badge.NOT_APPLICABLE { background: #eef0f3; color: var(--muted); }
.scen { display: inline-block; background: #fff4d6; color: #7a5200; border-radius: 4px; padding: 0 5px; margin: 0 3px 2px 0; font-size: 12px; font-weight: 600; }
.res { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
.muted { color: var(--muted); font-size: 12px; }
ul.reasons { margin: 0; padding-left: 16px; }
details summary { cursor: pointer; color: #0972d3; }
pre { margin: 6px 0 0; padding: 8px; background: #0f1b2a; color: #d6e2f0; border-radius: 6px; font-size: 12px; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
.scenario-tile { cursor: pointer; }
footer { color: var(--muted); font-size: 12px; margin-top: 16px; }
`;

/** Filters the findings table: free text, compliance, rule, account, Region, scenario. */
export const REPORT_SCRIPT = `
(function () {
  var q = document.getElementById('q');
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings tbody tr'));
  var count = document.getElementById('count');
  function apply() {
    var text = q.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var ok = !text || row.getAttribute('data-text').indexOf(text) >= 0;
      selects.forEach(function (s) {
        if (!ok || !s.value) return;
        var key = s.getAttribute('data-filter');
        var value = row.getAttribute('data-' + key) || '';
        ok = key === 'scenarios' ? (' ' + value + ' ').indexOf(' ' + s.value + ' ') >= 0 : value === s.value;
      });
      row.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = 'Showing ' + shown + ' of ' + rows.length + ' rows';
  }
  q.addEventListener('input', apply);
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  var scenarioSelect = document.querySelector('select[data-filter="scenarios"]');
  Array.prototype.slice.call(document.querySelectorAll('.scenario-tile')).forEach(function (tile) {
    tile.addEventListener('click', function () {
      var id = tile.getAttribute('data-scenario');
      var has = Array.prototype.some.call(scenarioSelect.options, function (o) { return o.value === id; });
      scenarioSelect.value = has && scenarioSelect.value !== id ? id : '';
      apply();
      document.getElementById('findings').scrollIntoView();
    });
  });
  apply();
})();
`;
