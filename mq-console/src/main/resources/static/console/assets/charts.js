// Live charts: polls the server's samples (/console/api/charts) and draws them with uPlot.
// The server keeps the history, so a reload shows the same curves; this script only redraws.
(function () {
  "use strict";
  var source = document.getElementById("charts-script").getAttribute("data-source");
  var status = document.getElementById("chart-status");
  var palette = ["#2563eb", "#16a34a", "#dc2626", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777"];
  var charts = {};

  function columns(series) {
    var names = Object.keys(series.values);
    var data = [series.timesMs.map(function (t) { return t / 1000; })];
    names.forEach(function (name) { data.push(series.values[name]); });
    return { names: names, data: data };
  }

  function draw(id, series) {
    var element = document.getElementById(id);
    var cols = columns(series);
    var key = cols.names.join("\u0000");
    var existing = charts[id];
    if (existing && existing.key === key) {
      existing.plot.setData(cols.data);
      return;
    }
    if (existing) {
      existing.plot.destroy();
    }
    var options = {
      width: Math.max(320, (element.clientWidth || 800) - 20),
      height: 260,
      series: [{}].concat(cols.names.map(function (name, i) {
        return { label: name, stroke: palette[i % palette.length], width: 2, spanGaps: false };
      })),
      axes: [{}, { size: 60 }]
    };
    charts[id] = { key: key, plot: new uPlot(options, cols.data, element) };
  }

  function refresh() {
    fetch(source, { headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (body) {
        draw("chart-tps", body.tps);
        draw("chart-lag", body.lag);
        status.textContent = body.tps.timesMs.length + " samples, updated " + new Date().toLocaleTimeString();
        status.setAttribute("data-samples", String(body.tps.timesMs.length));
      })
      .catch(function (error) { status.textContent = "Could not read the samples: " + error.message; });
  }

  refresh();
  setInterval(refresh, 3000);
})();
