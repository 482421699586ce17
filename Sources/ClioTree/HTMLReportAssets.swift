/// The fixed parts of the HTML report: markup skeleton, stylesheet and script. The script reads
/// the data from `#clio-data` and builds everything else with `textContent` and SVG attributes
/// it computes itself, never with `innerHTML`, so data can never become markup.
enum HTMLReportAssets {
    /// The page body up to the data element; `title` must already be HTML-escaped.
    static func body(title: String) -> String {
        """
        <body>
        <header class="top">
          <div class="heading">
            <h1 id="report-title">\(title)</h1>
            <p id="summary" class="summary"></p>
          </div>
          <div class="search">
            <label for="search" class="hidden-label">Search clusters by name</label>
            <input id="search" type="search" placeholder="Search clusters by name…" autocomplete="off" spellcheck="false">
          </div>
        </header>
        <section class="overview" aria-label="Overview">
          <div class="card">
            <h2>Conversations per week</h2>
            <div id="weekly" class="chart"></div>
          </div>
          <div class="card">
            <h2 id="largest-title">Largest clusters</h2>
            <div id="largest" class="largest"></div>
          </div>
        </section>
        <section class="monitor" aria-label="Monitoring">
          <div id="changes" class="card changes-card" hidden></div>
          <div id="trends" class="card trends-card" hidden></div>
        </section>
        <main class="workspace">
          <section class="card tree-card" aria-label="Cluster tree">
            <div class="card-head"><h2>Clusters</h2><span id="tree-status" class="muted"></span></div>
            <ul id="tree" class="tree" role="tree"></ul>
          </section>
          <section class="card map-card" aria-label="Cluster map">
            <div class="card-head">
              <nav id="crumbs" class="crumbs" aria-label="Map level"></nav>
              <label class="colour-by">Colour by <select id="colour-by"></select></label>
            </div>
            <svg id="map" class="map" role="img" aria-label="Map of the clusters at the current level"></svg>
            <div class="map-foot"><div id="legend" class="legend"></div><p id="map-note" class="muted note"></p></div>
          </section>
          <aside id="details" class="card detail-card" aria-live="polite" aria-label="Cluster details"></aside>
        </main>
        <noscript><p class="noscript">This report needs JavaScript to show the clusters.</p></noscript>

        """
    }

    static let style = #"""
        :root {
          --bg: #f4f5f7; --card: #ffffff; --line: #e1e4e9; --text: #1b2430; --muted: #687385;
          --accent: #2f6fde; --accent-soft: #e7effc; --track: #edf0f4;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0; background: var(--bg); color: var(--text);
          font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
        }
        button, input, select { font: inherit; color: inherit; }
        .muted { color: var(--muted); }
        .hidden-label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
        header.top {
          display: flex; align-items: flex-end; justify-content: space-between; gap: 24px;
          padding: 22px 28px 14px;
        }
        h1 { font-size: 22px; font-weight: 650; margin: 0 0 2px; overflow-wrap: anywhere; }
        .summary { margin: 0; color: var(--muted); }
        .search input {
          width: 340px; max-width: 100%; padding: 9px 12px; background: var(--card);
          border: 1px solid var(--line); border-radius: 8px;
        }
        .search input:focus { outline: 3px solid var(--accent-soft); border-color: var(--accent); }
        .overview { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; padding: 0 28px; }
        .workspace {
          display: grid; gap: 16px; padding: 16px 28px 28px;
          grid-template-columns: minmax(300px, 370px) minmax(0, 1fr) minmax(280px, 360px);
        }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; min-width: 0; }
        .card h2 {
          font-size: 12px; font-weight: 650; letter-spacing: .05em; text-transform: uppercase;
          color: var(--muted); margin: 0 0 10px;
        }
        .card-head { display: flex; align-items: baseline; justify-content: space-between; gap: 12px; margin-bottom: 8px; }
        .card-head h2 { margin: 0; }
        .card-head .muted { font-size: 12px; }
        .tree-card, .detail-card { height: 640px; overflow: auto; }
        .map-card { display: flex; flex-direction: column; }

        .chart svg { display: block; width: 100%; height: auto; }
        .axis { font-size: 11px; fill: var(--muted); }
        .largest { display: grid; gap: 6px; }
        .share-row {
          display: grid; grid-template-columns: minmax(0, 1fr) 34% 52px; align-items: center; gap: 10px;
          padding: 2px 4px; border: 0; background: none; text-align: left; cursor: pointer; border-radius: 6px;
        }
        .share-row:hover { background: #f3f5f8; }
        .share-row .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .share-row .pct { text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }
        .track { display: block; height: 8px; background: var(--track); border-radius: 4px; overflow: hidden; }
        .fill { display: block; height: 100%; border-radius: 4px; min-width: 2px; }

        .tree, .tree ul { list-style: none; margin: 0; padding: 0; }
        .tree ul { padding-left: 14px; margin-left: 8px; border-left: 1px solid var(--line); }
        .row {
          display: grid; grid-template-columns: 18px minmax(0, 1fr) auto; column-gap: 6px; align-items: center;
          padding: 4px 6px; border-radius: 6px; cursor: pointer; outline: none;
        }
        .row:hover { background: #f3f5f8; }
        .row:focus-visible { box-shadow: 0 0 0 2px var(--accent); }
        .row.selected { background: var(--accent-soft); }
        .caret {
          width: 18px; height: 18px; padding: 0; border: 0; background: none; cursor: pointer;
          color: var(--muted); font-size: 10px; line-height: 18px; transition: transform .12s ease;
        }
        .caret.leaf { visibility: hidden; }
        li[aria-expanded="true"] > .row > .caret { transform: rotate(90deg); }
        .row .main { min-width: 0; }
        .row .name { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .row .name.hit { font-weight: 650; }
        .row .track { height: 4px; margin-top: 3px; }
        .row .nums { font-size: 12px; color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; text-align: right; }
        .row .nums b { color: var(--text); font-weight: 600; }
        .badge {
          display: inline-block; font-size: 11px; padding: 0 6px; margin-left: 6px; border-radius: 9px;
          background: #eef0f3; color: var(--muted); vertical-align: 1px;
        }

        .crumbs { display: flex; flex-wrap: wrap; align-items: center; gap: 2px; min-width: 0; font-size: 13px; }
        .crumbs button {
          border: 0; background: none; padding: 2px 4px; border-radius: 4px; cursor: pointer; color: var(--accent);
          max-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
        }
        .crumbs button:hover { background: var(--accent-soft); }
        .crumbs .current { font-weight: 650; padding: 2px 4px; max-width: 260px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .crumbs .sep { color: var(--muted); }
        .colour-by { font-size: 13px; color: var(--muted); white-space: nowrap; }
        .colour-by select { margin-left: 4px; padding: 3px 6px; border: 1px solid var(--line); border-radius: 6px; background: var(--card); }
        .map { display: block; flex: 1 1 auto; width: 100%; min-height: 340px; background: #fafbfc; border-radius: 8px; }
        .bubble { cursor: pointer; }
        .bubble circle { stroke: #ffffff; stroke-width: 1.5; fill-opacity: .92; vector-effect: non-scaling-stroke; }
        .bubble:hover circle { stroke: #1b2430; stroke-width: 2; }
        .bubble.selected circle { stroke: #1b2430; stroke-width: 3.5; }
        .bubble text {
          fill: #16202b; text-anchor: middle; pointer-events: none;
          paint-order: stroke; stroke: rgba(255, 255, 255, .75); stroke-linejoin: round;
        }
        .map-foot { display: flex; flex-direction: column; gap: 6px; margin-top: 10px; }
        .legend { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; font-size: 12px; color: var(--muted); }
        .legend .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 5px; vertical-align: -1px; }
        .legend .ramp { display: inline-block; width: 120px; height: 8px; border-radius: 4px; }
        .legend .key { max-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .note { margin: 0; font-size: 12px; }

        .detail-card .empty { color: var(--muted); margin-top: 40%; text-align: center; padding: 0 20px; }
        .detail-path { font-size: 12px; color: var(--muted); display: flex; flex-wrap: wrap; gap: 2px; }
        .detail-path button { border: 0; background: none; padding: 0 2px; color: var(--accent); cursor: pointer; max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .card h2.detail-name {
          font-size: 19px; font-weight: 650; line-height: 1.3; letter-spacing: 0; text-transform: none;
          color: var(--text); margin: 6px 0 2px; overflow-wrap: anywhere;
        }
        .detail-meta { font-size: 12px; color: var(--muted); margin: 0 0 10px; }
        .detail-desc { margin: 0 0 14px; overflow-wrap: anywhere; }
        .facts { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; margin-bottom: 16px; }
        .fact { background: #f6f7f9; border-radius: 8px; padding: 8px 10px; min-width: 0; overflow-wrap: anywhere; }
        .fact .v { display: block; font-size: 17px; font-weight: 650; font-variant-numeric: tabular-nums; }
        .fact .k { display: block; font-size: 12px; color: var(--muted); }
        .detail-card h3 { font-size: 12px; font-weight: 650; letter-spacing: .05em; text-transform: uppercase; color: var(--muted); margin: 16px 0 6px; }
        .lang-row { display: grid; grid-template-columns: minmax(0, 1fr) 40% 44px; gap: 8px; align-items: center; font-size: 13px; padding: 1px 0; }
        .lang-row .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .lang-row .pct { text-align: right; color: var(--muted); font-variant-numeric: tabular-nums; }
        .kids { list-style: none; margin: 0; padding: 0; }
        .kids button {
          display: flex; justify-content: space-between; gap: 8px; width: 100%; border: 0; background: none; text-align: left;
          padding: 3px 4px; border-radius: 5px; cursor: pointer; font-size: 13px;
        }
        .kids button:hover { background: #f3f5f8; }
        .kids .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .kids .n { color: var(--muted); font-variant-numeric: tabular-nums; }
        .noscript { padding: 28px; }

        .monitor { display: grid; gap: 16px; padding: 16px 28px 0; }
        .monitor .card[hidden] { display: none; }
        .monitor .lead { margin: -4px 0 10px; color: var(--muted); font-size: 13px; }
        .monitor .lead span { display: block; }
        .monitor .note { margin: 0 0 8px; }
        .change-list { display: grid; gap: 2px; max-height: 640px; overflow: auto; }
        .change-head, .change-row {
          display: grid; grid-template-columns: minmax(0, 1fr) minmax(160px, 34%) 64px 118px; gap: 12px; align-items: center;
        }
        .change-head { font-size: 11px; color: var(--muted); padding: 0 6px 4px; text-transform: uppercase; letter-spacing: .04em; }
        .change-head .r { text-align: right; }
        .change-row { width: 100%; border: 0; background: none; text-align: left; padding: 4px 6px; border-radius: 6px; cursor: pointer; }
        .change-row:hover { background: #f3f5f8; }
        .change-row.selected { background: var(--accent-soft); }
        .change-row .label { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .change-row .sub { color: var(--muted); font-size: 12px; margin-left: 6px; }
        .change-row .badge { margin: 0 6px 0 0; }
        .change-row .delta { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; white-space: nowrap; }
        .change-row .swatch { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 6px; vertical-align: 0; }
        .change-row .delta.faint { font-weight: 400; color: var(--muted); }
        .change-row .shares { text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); font-size: 12px; white-space: nowrap; }
        .diverge { position: relative; display: block; height: 14px; background: var(--track); border-radius: 3px; }
        .diverge .zero { position: absolute; left: 50%; top: -2px; bottom: -2px; width: 1px; background: #9aa3af; }
        .diverge .bar { position: absolute; top: 3px; height: 8px; border-radius: 2px; }
        .diverge .bar.up { background: #3a8f5c; }
        .diverge .bar.down { background: #c8553d; }
        .diverge .whisker {
          position: absolute; top: 2px; height: 10px; box-sizing: border-box;
          border-left: 1.5px solid #1b2430; border-right: 1.5px solid #1b2430; opacity: .6;
        }
        .diverge .whisker::before { content: ""; position: absolute; left: 0; right: 0; top: 4.5px; height: 1px; background: #1b2430; }
        .diverge.counts { background: none; color: var(--muted); font-size: 12px; height: auto; }
        .badge.new { background: #def3e4; color: #1f6b3a; }
        .badge.gone { background: #f6e1dc; color: #8c3a28; }
        .badge.since { background: #eef0f3; }
        .more-changes { margin-top: 6px; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--card); color: var(--accent); cursor: pointer; font-size: 12px; }
        .trend-grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 20px; align-items: start; }
        .trend-chart svg { display: block; width: 100%; height: auto; }
        .trend-chart .line { fill: none; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; cursor: pointer; }
        .trend-chart .line.dim { opacity: .18; }
        .trend-chart .line.hot { stroke-width: 3.5; }
        .trend-chart .window { fill: #eef3fb; }
        .trend-list h3 { font-size: 12px; font-weight: 650; letter-spacing: .05em; text-transform: uppercase; color: var(--muted); margin: 0 0 6px; }
        .trend-list .change-row, .trend-list .change-head { grid-template-columns: minmax(0, 1fr) minmax(90px, 30%) 72px; }
        .trend-list .shares { display: none; }
        .tree .more button {
          margin: 4px 0 4px 24px; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px;
          background: var(--card); color: var(--accent); cursor: pointer; font-size: 12px;
        }
        .tree .more button:hover { background: var(--accent-soft); }

        @media (max-width: 1180px) {
          .trend-grid { grid-template-columns: minmax(0, 1fr); }
          .workspace { grid-template-columns: minmax(280px, 1fr) minmax(0, 2fr); }
          .detail-card { grid-column: 1 / -1; height: auto; }
        }
        @media (max-width: 760px) {
          header.top { flex-direction: column; align-items: stretch; }
          .overview, .workspace { grid-template-columns: minmax(0, 1fr); }
          .tree-card { height: 420px; }
          .search input { width: 100%; }
        }

        """#

    static let script = #"""
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("clio-data").textContent);
          var nodes = data.nodes;
          var total = data.total || 0;
          var SVG_NS = "http://www.w3.org/2000/svg";
          var PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#86bcb6"];
          var CONCERN_RAMP = ["#e3f1dc", "#f4e39b", "#f0a058", "#c8402f"];
          var LANGUAGE_RAMP = ["#eaf1fb", "#8fb3e3", "#2f5e9e"];
          var WITHHELD = "#c7cbd1";
          var SEARCH_LIMIT = 300;
          var TREE_PAGE = 200;
          var MAP_LIMIT = 1500;
          var state = { selected: -1, view: -1, expanded: Object.create(null), shown: Object.create(null), query: "", colour: "top", allChanges: false, changeDepth: 0 };

          function byId(id) { return document.getElementById(id); }
          function el(tag, className, text) {
            var e = document.createElement(tag);
            if (className) e.className = className;
            if (text !== undefined && text !== null) e.textContent = String(text);
            return e;
          }
          function svgEl(tag, attributes) {
            var e = document.createElementNS(SVG_NS, tag);
            for (var key in attributes) e.setAttribute(key, String(attributes[key]));
            return e;
          }
          function fmt(n) {
            if (n === null || n === undefined) return "—";
            return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
          }
          function percent(part, whole) {
            if (!whole) return "—";
            var p = 100 * part / whole;
            if (p === 0) return "0%";
            if (p < 0.1) return "<0.1%";
            return p.toFixed(p < 10 ? 1 : 0) + "%";
          }
          function plural(n, one, many) { return fmt(n) + " " + (n === 1 ? one : many); }
          function meanConcerning(n) {
            if (!n.conc) return null;
            var sum = 0, count = 0;
            for (var k = 0; k < 5; k++) { sum += (k + 1) * n.conc[k]; count += n.conc[k]; }
            return count ? sum / count : null;
          }
          function languageShare(n, language) {
            if (!n.size) return 0;
            for (var k = 0; k < n.langs.length; k++) if (n.langs[k][0] === language) return Math.min(1, n.langs[k][1] / n.size);
            return 0;
          }
          function ancestry(i) {
            var chain = [];
            for (var p = i; p !== null && p !== undefined; p = nodes[p].parent) chain.unshift(p);
            return chain;
          }
          function hexToRgb(hex) { var v = parseInt(hex.slice(1), 16); return [v >> 16, (v >> 8) & 255, v & 255]; }
          function mix(a, b, t) {
            var x = hexToRgb(a), y = hexToRgb(b), out = "#";
            for (var k = 0; k < 3; k++) {
              var c = Math.round(x[k] + (y[k] - x[k]) * t);
              out += (c < 16 ? "0" : "") + c.toString(16);
            }
            return out;
          }
          function ramp(stops, t) {
            t = Math.max(0, Math.min(1, t));
            var x = t * (stops.length - 1), k = Math.min(Math.floor(x), stops.length - 2);
            return mix(stops[k], stops[k + 1], x - k);
          }
          function topColour(n) { return PALETTE[n.top % PALETTE.length]; }

          // ---- colouring of the map ------------------------------------------------------------
          function facetValue(n) {
            if (state.colour === "concerning") return meanConcerning(n);
            if (state.colour.indexOf("lang:") === 0) return languageShare(n, Number(state.colour.slice(5)));
            return null;
          }
          function facetDomain(group) {
            if (state.colour === "concerning") {
              var high = 2;
              group.forEach(function (i) { var m = meanConcerning(nodes[i]); if (m !== null && m > high) high = m; });
              return [1, Math.min(5, high)];
            }
            var top = 0.05;
            group.forEach(function (i) { var s = facetValue(nodes[i]); if (s > top) top = s; });
            return [0, top];
          }
          function colourOf(i, position, domain) {
            var n = nodes[i];
            if (n.withheld) return WITHHELD;
            if (state.colour === "top") {
              return state.view < 0 ? topColour(n) : mix(topColour(n), "#ffffff", (position % 4) * 0.16);
            }
            var value = facetValue(n);
            if (value === null) return "#dde1e6";
            var t = (value - domain[0]) / (domain[1] - domain[0] || 1);
            return ramp(state.colour === "concerning" ? CONCERN_RAMP : LANGUAGE_RAMP, t);
          }

          // ---- charts --------------------------------------------------------------------------
          /// A bar chart of `values` in a viewBox `width`×`height`, with labels under the first,
          /// middle and last bars and the largest value at the top left.
          function columnChart(values, labels, options) {
            var width = options.width, height = options.height, bottom = 18, top = 14;
            var chart = svgEl("svg", { viewBox: "0 0 " + width + " " + height, role: "img" });
            chart.setAttribute("aria-label", options.label);
            var max = 0;
            values.forEach(function (v) { if (v > max) max = v; });
            var n = values.length;
            if (!n) {
              var none = svgEl("text", { x: width / 2, y: height / 2, "text-anchor": "middle", "class": "axis" });
              none.textContent = "no dates in the input";
              chart.appendChild(none);
              return chart;
            }
            var step = width / n, barWidth = Math.max(1, step * (n > 60 ? 0.9 : 0.72));
            chart.appendChild(svgEl("line", { x1: 0, x2: width, y1: height - bottom + 0.5, y2: height - bottom + 0.5, stroke: "#d5d9df" }));
            values.forEach(function (v, k) {
              var h = max ? (height - bottom - top) * v / max : 0;
              var bar = svgEl("rect", {
                x: (k * step + (step - barWidth) / 2).toFixed(2), y: (height - bottom - h).toFixed(2),
                width: barWidth.toFixed(2), height: Math.max(h, v > 0 ? 1 : 0).toFixed(2), rx: Math.min(2, barWidth / 3),
                fill: options.colour
              });
              var tip = svgEl("title", {});
              tip.textContent = labels[k] + ": " + fmt(v);
              bar.appendChild(tip);
              chart.appendChild(bar);
            });
            var marks = n === 1 ? [0] : n === 2 ? [0, 1] : [0, Math.floor((n - 1) / 2), n - 1];
            marks.forEach(function (k, m) {
              var anchor = marks.length > 1 && m === marks.length - 1 ? "end" : m === 0 ? "start" : "middle";
              var x = anchor === "start" ? k * step : anchor === "end" ? (k + 1) * step : (k + 0.5) * step;
              var text = svgEl("text", { x: x.toFixed(2), y: height - 4, "text-anchor": anchor, "class": "axis" });
              text.textContent = labels[k];
              chart.appendChild(text);
            });
            var maxLabel = svgEl("text", { x: 0, y: 10, "class": "axis" });
            maxLabel.textContent = "max " + fmt(max);
            chart.appendChild(maxLabel);
            return chart;
          }

          function weekValues(n) {
            var values = data.weeks.map(function () { return 0; });
            n.weeks.forEach(function (pair) { values[pair[0]] = pair[1]; });
            return values;
          }

          function shareRow(label, part, whole, colour, onClick) {
            var row = el(onClick ? "button" : "div", "share-row");
            if (onClick) { row.type = "button"; row.addEventListener("click", onClick); }
            row.title = label + ": " + fmt(part) + " (" + percent(part, whole) + ")";
            row.appendChild(el("span", "label", label));
            var track = el("span", "track"), fill = el("span", "fill");
            fill.style.width = (whole ? 100 * part / whole : 0).toFixed(2) + "%";
            fill.style.background = colour;
            track.appendChild(fill);
            row.appendChild(track);
            row.appendChild(el("span", "pct", percent(part, whole)));
            return row;
          }

          function renderOverview() {
            byId("summary").textContent = plural(total, "conversation", "conversations") + " · " +
              plural(nodes.length, "cluster", "clusters") + " · " + plural(data.levels, "level", "levels");
            var group = data.roots;
            if (group.length === 1 && nodes[group[0]].kids.length) group = nodes[group[0]].kids;
            var box = byId("largest");
            group.slice(0, 7).forEach(function (i) {
              var n = nodes[i];
              box.appendChild(shareRow(n.name, n.size, total, n.withheld ? WITHHELD : topColour(n), function () { select(i, "overview"); }));
            });
            if (group.length > 7) {
              var rest = 0;
              group.slice(7).forEach(function (i) { rest += nodes[i].size; });
              box.appendChild(shareRow(plural(group.length - 7, "other cluster", "other clusters"), rest, total, "#c7cbd1", null));
            }
            // The week chart grows with the list beside it so the two cards line up.
            byId("weekly").appendChild(columnChart(data.weekTotals, data.weeks,
              { width: 640, height: group.length > 5 ? 175 : 120, colour: "#4e79a7", label: "Conversations per week" }));
          }

          // ---- tree ----------------------------------------------------------------------------
          var treeEl = byId("tree");

          function treeItem(i, filter) {
            var n = nodes[i];
            var hasKids = n.kids.length > 0;
            var open = hasKids && (filter ? n.kids.some(function (k) { return filter.keep[k]; }) : !!state.expanded[i]);
            var item = el("li");
            item.setAttribute("role", "treeitem");
            item.setAttribute("data-index", String(i));
            if (hasKids) item.setAttribute("aria-expanded", String(open));
            var row = el("div", "row" + (i === state.selected ? " selected" : ""));
            row.tabIndex = 0;
            var caret = el("button", "caret" + (hasKids ? "" : " leaf"), "▶");
            caret.type = "button";
            caret.tabIndex = -1;
            if (hasKids) caret.setAttribute("aria-label", "show or hide the clusters inside");
            else caret.setAttribute("aria-hidden", "true");
            var main = el("span", "main");
            var name = el("span", "name" + (filter && filter.hit[i] ? " hit" : ""), n.name);
            if (n.withheld) name.appendChild(el("span", "badge", "withheld"));
            if (n.since) name.appendChild(el("span", "badge new", "new"));
            main.appendChild(name);
            var parentSize = n.parent === null ? total : nodes[n.parent].size;
            var track = el("span", "track"), fill = el("span", "fill");
            fill.style.width = (parentSize ? 100 * n.size / parentSize : 0).toFixed(2) + "%";
            fill.style.background = n.withheld ? WITHHELD : topColour(n);
            track.appendChild(fill);
            main.appendChild(track);
            var nums = el("span", "nums");
            nums.appendChild(el("b", null, fmt(n.size)));
            nums.appendChild(document.createTextNode(" · " + percent(n.size, total)));
            row.title = n.name + "\n" + fmt(n.size) + " conversations: " + percent(n.size, total) + " of all, " +
              percent(n.size, parentSize) + " of " + (n.parent === null ? "the top level" : "its parent");
            row.appendChild(caret);
            row.appendChild(main);
            row.appendChild(nums);
            item.appendChild(row);
            if (open) item.appendChild(childList(i, filter));
            row.addEventListener("click", function () { select(i, "tree"); });
            row.addEventListener("keydown", function (event) {
              if (event.key === "Enter" || event.key === " ") { event.preventDefault(); select(i, "tree"); }
              else if (event.key === "ArrowRight" && hasKids && item.getAttribute("aria-expanded") !== "true") toggle(i, item);
              else if (event.key === "ArrowLeft" && item.getAttribute("aria-expanded") === "true") toggle(i, item);
            });
            caret.addEventListener("click", function (event) { event.stopPropagation(); if (hasKids) toggle(i, item); });
            return item;
          }

          function childList(i, filter) {
            var list = el("ul");
            list.setAttribute("role", "group");
            if (filter) {
              nodes[i].kids.forEach(function (k) { if (filter.keep[k]) list.appendChild(treeItem(k, filter)); });
            } else {
              fillList(list, nodes[i].kids, i);
            }
            return list;
          }

          /// Rows for `members` a page at a time, with a button for the next page, so a level with
          /// thousands of clusters stays quick; `state.shown[key]` remembers how far it was opened.
          function fillList(list, members, key) {
            appendRows(list, members, key, 0, Math.min(members.length, state.shown[key] || TREE_PAGE));
          }

          function appendRows(list, members, key, from, to) {
            for (var k = from; k < to; k++) list.appendChild(treeItem(members[k], null));
            if (to >= members.length) return;
            var item = el("li", "more");
            var button = el("button", null, "Show " + fmt(Math.min(TREE_PAGE, members.length - to)) + " more of " +
              plural(members.length - to, "remaining cluster", "remaining clusters"));
            button.type = "button";
            button.addEventListener("click", function () {
              list.removeChild(item);
              state.shown[key] = Math.min(members.length, to + TREE_PAGE);
              appendRows(list, members, key, to, state.shown[key]);
            });
            item.appendChild(button);
            list.appendChild(item);
          }

          // Children are built only when a cluster is opened, so a large tree costs nothing until used.
          function toggle(i, item) {
            var open = item.getAttribute("aria-expanded") === "true";
            var list = item.querySelector(":scope > ul");
            if (list) item.removeChild(list);
            if (!open) item.appendChild(childList(i, null));
            item.setAttribute("aria-expanded", String(!open));
            if (open) delete state.expanded[i]; else state.expanded[i] = true;
          }

          function renderTree() {
            treeEl.textContent = "";
            var status = byId("tree-status");
            var query = state.query;
            if (!query) {
              fillList(treeEl, data.roots, "top");
              status.textContent = plural(nodes.length, "cluster", "clusters");
              return;
            }
            var keep = Object.create(null), hit = Object.create(null), count = 0;
            for (var i = 0; i < nodes.length; i++) {
              if (nodes[i].name.toLowerCase().indexOf(query) < 0 && nodes[i].id.toLowerCase() !== query) continue;
              count++;
              if (count > SEARCH_LIMIT) continue;
              hit[i] = true;
              for (var p = i; p !== null && !keep[p]; p = nodes[p].parent) keep[p] = true;
            }
            data.roots.forEach(function (r) { if (keep[r]) treeEl.appendChild(treeItem(r, { keep: keep, hit: hit })); });
            status.textContent = count === 0 ? "no cluster matches" :
              plural(count, "match", "matches") + (count > SEARCH_LIMIT ? ", first " + fmt(SEARCH_LIMIT) + " shown" : "");
          }

          function revealInTree(i) {
            if (state.query && !treeEl.querySelector('li[data-index="' + i + '"]')) {
              state.query = "";
              byId("search").value = "";
            }
            if (!state.query) {
              var chain = ancestry(i);
              chain.forEach(function (a, k) {
                if (k < chain.length - 1) state.expanded[a] = true;
                var parent = nodes[a].parent, siblings = parent === null ? data.roots : nodes[parent].kids;
                var key = parent === null ? "top" : parent, at = siblings.indexOf(a);
                if (at >= (state.shown[key] || TREE_PAGE)) state.shown[key] = (Math.floor(at / TREE_PAGE) + 1) * TREE_PAGE;
              });
              renderTree();
            }
          }

          // ---- map -----------------------------------------------------------------------------
          var mapEl = byId("map");
          mapEl.setAttribute("viewBox", "0 0 " + data.width + " " + data.height);

          /// Up to three lines of a name that fit inside a circle, with an ellipsis when cut.
          function wrapLabel(text, radius, fontSize) {
            var perLine = Math.floor(radius * 1.7 / (fontSize * 0.56));
            var words = text.split(/\s+/), lines = [], line = "";
            // A label that cannot show even its first word whole is noise; the tooltip has the name.
            if (perLine < 4 || radius < fontSize * 1.5 || words[0].length > perLine) return [];
            for (var k = 0; k < words.length; k++) {
              var candidate = line ? line + " " + words[k] : words[k];
              if (candidate.length <= perLine) { line = candidate; continue; }
              if (line) lines.push(line);
              line = words[k];
              if (lines.length === 3) break;
            }
            if (lines.length < 3 && line) lines.push(line);
            var maxLines = Math.max(1, Math.min(3, Math.floor(radius * 1.4 / (fontSize * 1.2))));
            var truncated = lines.length > maxLines || lines.join(" ").length < text.length;
            lines = lines.slice(0, maxLines).map(function (l) { return l.length > perLine ? l.slice(0, perLine - 1) + "…" : l; });
            if (truncated && lines.length) {
              var last = lines[lines.length - 1];
              if (last.slice(-1) !== "…") lines[lines.length - 1] = (last.length >= perLine ? last.slice(0, perLine - 1) : last) + "…";
            }
            return lines;
          }

          function renderMap() {
            mapEl.textContent = "";
            var level = state.view < 0 ? data.roots : nodes[state.view].kids;
            // Siblings are largest first: past MAP_LIMIT circles are specks, so draw the largest
            // (and the selected cluster) and say so.
            var group = level.length > MAP_LIMIT ? level.slice(0, MAP_LIMIT) : level;
            if (group !== level && state.selected >= 0 && level.indexOf(state.selected) >= MAP_LIMIT) group.push(state.selected);
            var method = state.view < 0 ? data.rootMap : nodes[state.view].map;
            var domain = state.colour === "top" ? null : facetDomain(group);
            var position = Object.create(null);
            group.forEach(function (i, k) { position[i] = k; });
            // Largest drawn first so small circles stay on top and clickable.
            var order = group.slice().sort(function (a, b) { return nodes[b].r - nodes[a].r || a - b; });
            var groupSize = 0;
            group.forEach(function (i) { groupSize += nodes[i].size; });
            // Labels are sized in map units; keep them about 12 px on screen whatever the map's size.
            var box = mapEl.getBoundingClientRect();
            var scale = Math.min(box.width / data.width, box.height / data.height) || 1;
            var fontSize = Math.max(11, Math.min(40, 12.5 / scale));
            order.forEach(function (i) {
              var n = nodes[i];
              var bubble = svgEl("g", {
                "class": "bubble" + (n.kids.length ? " parent" : "") + (i === state.selected ? " selected" : ""),
                transform: "translate(" + n.x + " " + n.y + ")", "data-index": i
              });
              bubble.appendChild(svgEl("circle", { r: n.r, fill: colourOf(i, position[i], domain) }));
              var tip = svgEl("title", {});
              tip.textContent = n.name + "\n" + fmt(n.size) + " conversations (" + percent(n.size, groupSize) + " of this level)" +
                (n.kids.length ? "\nclick to open its " + plural(n.kids.length, "cluster", "clusters") : "");
              bubble.appendChild(tip);
              var lines = wrapLabel(n.name, n.r, fontSize);
              lines.forEach(function (line, k) {
                var text = svgEl("text", {
                  y: ((k - (lines.length - 1) / 2) * fontSize * 1.2 + fontSize * 0.35).toFixed(1),
                  "font-size": fontSize.toFixed(1), "stroke-width": (fontSize / 4).toFixed(1)
                });
                text.textContent = line;
                bubble.appendChild(text);
              });
              bubble.addEventListener("click", function () {
                if (n.kids.length) state.view = i;
                select(i, "map");
              });
              mapEl.appendChild(bubble);
            });
            renderCrumbs();
            renderLegend(group, domain);
            byId("map-note").textContent = (method === "pca"
              ? "Positions: the clusters' centroids projected to 2-D (principal components); nearby circles are similar."
              : "No centroids for these clusters: circles are packed by size, and their positions carry no meaning.") +
              (group !== level ? " Showing the " + fmt(MAP_LIMIT) + " largest of " + fmt(level.length) + " clusters at this level." : "");
          }

          function renderCrumbs() {
            var nav = byId("crumbs");
            nav.textContent = "";
            var chain = state.view < 0 ? [] : ancestry(state.view);
            function crumb(label, view, current) {
              if (current) { nav.appendChild(el("span", "current", label)); return; }
              var button = el("button", null, label);
              button.type = "button";
              button.addEventListener("click", function () { state.view = view; renderMap(); });
              nav.appendChild(button);
              nav.appendChild(el("span", "sep", "›"));
            }
            crumb("All clusters", -1, chain.length === 0);
            chain.forEach(function (i, k) { crumb(nodes[i].name, i, k === chain.length - 1); });
          }

          function renderLegend(group, domain) {
            var legend = byId("legend");
            legend.textContent = "";
            if (state.colour === "top") {
              var shown = state.view < 0 ? group.slice(0, 6) : [state.view];
              shown.forEach(function (i) {
                var key = el("span", "key");
                var swatch = el("span", "swatch");
                swatch.style.background = topColour(nodes[i]);
                key.appendChild(swatch);
                key.appendChild(document.createTextNode(nodes[nodes[i].parent === null ? i : ancestry(i)[0]].name));
                legend.appendChild(key);
              });
              if (state.view < 0 && data.roots.length > 6) legend.appendChild(el("span", null, "+ " + fmt(data.roots.length - 6) + " more"));
              return;
            }
            var stops = state.colour === "concerning" ? CONCERN_RAMP : LANGUAGE_RAMP;
            var concerning = state.colour === "concerning";
            legend.appendChild(el("span", null, concerning ? domain[0].toFixed(1) : "0%"));
            var bar = el("span", "ramp");
            bar.style.background = "linear-gradient(to right, " + stops.join(", ") + ")";
            legend.appendChild(bar);
            legend.appendChild(el("span", null, concerning ? domain[1].toFixed(1) : (100 * domain[1]).toFixed(0) + "%"));
            legend.appendChild(el("span", null, concerning ? "mean concerning score (1–5)" :
              "share in " + data.languages[Number(state.colour.slice(5))]));
          }

          function setUpColourChoice() {
            var select = byId("colour-by");
            function option(value, label) {
              var o = el("option", null, label);
              o.value = value;
              select.appendChild(o);
            }
            option("top", "Top-level cluster");
            option("concerning", "Mean concerning score");
            data.languages.slice(0, 8).forEach(function (language, k) { option("lang:" + k, "Share in " + language); });
            select.addEventListener("change", function () { state.colour = select.value; renderMap(); });
          }

          // ---- details -------------------------------------------------------------------------
          function section(parent, title) { parent.appendChild(el("h3", null, title)); }
          function addFact(facts, value, key) {
            var box = el("div", "fact");
            box.appendChild(el("span", "v", value));
            box.appendChild(el("span", "k", key));
            facts.appendChild(box);
          }

          function renderDetails(i) {
            var panel = byId("details");
            panel.textContent = "";
            if (i < 0) {
              panel.appendChild(el("p", "empty", "Select a cluster in the tree or on the map to see its details."));
              return;
            }
            var n = nodes[i];
            var chain = ancestry(i);
            if (chain.length > 1) {
              var path = el("nav", "detail-path");
              path.setAttribute("aria-label", "Parents");
              chain.slice(0, -1).forEach(function (a) {
                var button = el("button", null, nodes[a].name);
                button.type = "button";
                button.addEventListener("click", function () { select(a, "details"); });
                path.appendChild(button);
                path.appendChild(el("span", null, "›"));
              });
              panel.appendChild(path);
            }
            panel.appendChild(el("h2", "detail-name", n.name));
            var meta = el("p", "detail-meta", n.id + " · level " + n.level);
            if (n.withheld) meta.appendChild(el("span", "badge", "withheld: below the privacy threshold"));
            if (n.since) meta.appendChild(el("span", "badge new", "new since " + n.since));
            panel.appendChild(meta);
            panel.appendChild(el("p", "detail-desc", n.desc || "No description."));

            var facts = el("div", "facts");
            function fact(value, key) { addFact(facts, value, key); }
            fact(fmt(n.size), "conversations");
            fact(percent(n.size, total), "of all conversations");
            fact((n.usersEst ? "≈" : "") + fmt(n.users), n.usersEst ? "distinct users (estimated)" : "distinct users");
            fact(n.turns === null ? "—" : n.turns.toFixed(1), "mean user turns");
            panel.appendChild(facts);
            if (compare && changeOf[i] !== undefined) {
              var change = compare.rows[changeOf[i]];
              section(panel, change.status === "new" ? "New in the later period" : "Change since the earlier period");
              panel.appendChild(changeFacts(change));
            }

            section(panel, "Languages");
            if (!n.langs.length) panel.appendChild(el("p", "muted", "No language counts."));
            var langTotal = 0;
            n.langs.forEach(function (pair) { langTotal += pair[1]; });
            n.langs.slice(0, 6).forEach(function (pair) {
              var row = shareRow(data.languages[pair[0]], pair[1], langTotal, "#76b7b2", null);
              row.className = "lang-row";
              panel.appendChild(row);
            });
            if (n.langs.length > 6) {
              var other = 0;
              n.langs.slice(6).forEach(function (pair) { other += pair[1]; });
              var rest = shareRow(plural(n.langs.length - 6, "other language", "other languages"), other, langTotal, "#c7cbd1", null);
              rest.className = "lang-row";
              panel.appendChild(rest);
            }

            section(panel, "Concerning score");
            if (n.conc) {
              var histogram = columnChart(n.conc, ["1", "2", "3", "4", "5"],
                { width: 300, height: 96, colour: "#e15759", label: "Conversations by concerning score" });
              histogram.querySelectorAll("text.axis").forEach(function (t) { t.parentNode.removeChild(t); });
              n.conc.forEach(function (v, k) {
                var label = svgEl("text", { x: (k + 0.5) * 60, y: 92, "text-anchor": "middle", "class": "axis" });
                label.textContent = (k + 1) + " · " + fmt(v);
                histogram.appendChild(label);
              });
              var mean = meanConcerning(n);
              panel.appendChild(histogram);
              if (mean !== null) panel.appendChild(el("p", "muted", "mean " + mean.toFixed(2) + " (1 not concerning … 5 extremely concerning)"));
            } else {
              panel.appendChild(el("p", "muted", "No concerning scores."));
            }

            section(panel, "Conversations per week");
            if (n.weeks.length) {
              panel.appendChild(columnChart(weekValues(n), data.weeks, { width: 300, height: 96, colour: topColour(n), label: "Conversations per week" }));
            } else {
              panel.appendChild(el("p", "muted", "No dates in the input."));
            }

            if (n.kids.length) {
              section(panel, "Clusters inside (" + fmt(n.kids.length) + ")");
              var list = el("ul", "kids");
              n.kids.slice(0, 12).forEach(function (k) {
                var item = el("li"), button = el("button");
                button.type = "button";
                button.appendChild(el("span", "label", nodes[k].name));
                button.appendChild(el("span", "n", fmt(nodes[k].size)));
                button.addEventListener("click", function () { select(k, "details"); });
                item.appendChild(button);
                list.appendChild(item);
              });
              panel.appendChild(list);
              if (n.kids.length > 12) panel.appendChild(el("p", "muted", "and " + plural(n.kids.length - 12, "more", "more") + " in the tree"));
            }
          }

          // ---- what changed (--compare) ---------------------------------------------------------
          var CHANGE_PAGE = 15;
          var compare = data.compare || null;
          var changeOf = Object.create(null);  // node → its row in compare.rows
          if (compare) compare.rows.forEach(function (row, k) { if (row.node !== null) changeOf[row.node] = k; });

          function points(fraction) {
            var v = Math.round(Math.abs(fraction) * 1000) / 10;
            return (v === 0 ? "" : fraction < 0 ? "−" : "+") + v.toFixed(1);
          }
          function share(fraction) { return (Math.round(fraction * 1000) / 10).toFixed(1) + "%"; }
          function rowName(row) { return row.node === null ? row.name : nodes[row.node].name; }
          function rowParent(row) {
            if (row.node === null) return row.parent;
            var p = nodes[row.node].parent;
            return p === null ? null : nodes[p].name;
          }

          /// A bar from zero to `change` with its interval as a whisker, on a scale where `scale`
          /// (the largest magnitude shown) reaches the end.
          function changeBar(change, low, high, scale) {
            var track = el("span", "diverge");
            function x(v) { return 50 + 50 * Math.max(-1, Math.min(1, v / scale)); }
            track.appendChild(el("span", "zero"));
            var bar = el("span", "bar " + (change < 0 ? "down" : "up"));
            var a = x(Math.min(0, change)), b = x(Math.max(0, change));
            bar.style.left = a.toFixed(2) + "%";
            bar.style.width = Math.max(0.5, b - a).toFixed(2) + "%";
            track.appendChild(bar);
            var whisker = el("span", "whisker");
            whisker.style.left = x(low).toFixed(2) + "%";
            whisker.style.width = Math.max(0.3, x(high) - x(low)).toFixed(2) + "%";
            track.appendChild(whisker);
            return track;
          }

          /// One clickable row of a change list: badges and name, the bar, the change, the shares.
          function changeRow(name, sub, badges, colour, change, scale, onClick) {
            var row = el("button", "change-row");
            row.type = "button";
            var label = el("span", "label");
            var swatch = el("span", "swatch");
            swatch.style.background = colour;
            label.appendChild(swatch);
            badges.forEach(function (b) { label.appendChild(el("span", "badge " + b[0], b[1])); });
            label.appendChild(el("span", "nm", name));
            if (sub) label.appendChild(el("span", "sub", sub));
            row.appendChild(label);
            var clear = change.low > 0 || change.high < 0;
            row.appendChild(changeBar(change.to - change.from, change.low, change.high, scale));
            row.appendChild(el("span", "delta" + (clear ? "" : " faint"), points(change.to - change.from) + " pp"));
            row.appendChild(el("span", "shares", share(change.from) + " → " + share(change.to)));
            row.title = name + ": " + share(change.from) + " → " + share(change.to) + ", " + points(change.to - change.from) +
              " percentage points (95% interval " + points(change.low) + " to " + points(change.high) + ")" +
              (clear ? "" : "; the interval includes 0");
            row.addEventListener("click", onClick);
            return row;
          }

          function changeScale(items) {
            var scale = 0.005;
            items.forEach(function (c) { if (c.low !== undefined) scale = Math.max(scale, Math.abs(c.low), Math.abs(c.high)); });
            return scale;
          }

          function renderChanges() {
            var card = byId("changes");
            card.hidden = false;
            card.textContent = "";
            var counts = { matched: 0, "new": 0, vanished: 0 };
            compare.rows.forEach(function (row) { counts[row.status]++; });
            var head = el("div", "card-head");
            head.appendChild(el("h2", null, "What changed"));
            head.appendChild(el("span", "muted", fmt(counts.matched) + " in both periods · " + fmt(counts["new"]) + " new · " +
              fmt(counts.vanished) + " vanished · matched by " + (compare.matching === "centroid" ? "nearest centroid" : "id and name")));
            var deepest = 1;
            compare.rows.forEach(function (row) { if (row.depth > deepest) deepest = row.depth; });
            if (deepest > 1) {
              var choice = el("label", "colour-by", "Show ");
              var levels = el("select");
              levels.id = "change-depth";
              for (var d = 0; d <= deepest - 1; d++) {
                var option = el("option", null, d === 0 ? "all levels" : d === 1 ? "the top level" : "the top " + d + " levels");
                option.value = String(d);
                levels.appendChild(option);
              }
              levels.value = String(state.changeDepth);
              levels.addEventListener("change", function () { state.changeDepth = Number(levels.value); renderChanges(); });
              choice.appendChild(levels);
              head.appendChild(choice);
            }
            card.appendChild(head);
            var lead = el("p", "lead");
            lead.appendChild(el("span", null, "Before: " + compare.before.line));
            lead.appendChild(el("span", null, "After: " + compare.after.line));
            lead.appendChild(el("span", null, "Share of all conversations in each period; bars show the change in percentage points, the line across each bar its 95% interval."));
            card.appendChild(lead);
            compare.notes.forEach(function (note) { card.appendChild(el("p", "muted note", "Note: " + note)); });
            var list = el("div", "change-list");
            list.id = "change-list";
            var header = el("div", "change-head");
            ["Cluster", "Change", "", "Before → after"].forEach(function (t, k) { header.appendChild(el("span", k > 1 ? "r" : null, t)); });
            list.appendChild(header);
            var listed = compare.rows.filter(function (row) { return !state.changeDepth || row.depth <= state.changeDepth; });
            var scale = changeScale(listed);
            var shown = state.allChanges ? listed : listed.slice(0, CHANGE_PAGE);
            shown.forEach(function (row) {
              var k = compare.rows.indexOf(row);
              var badges = [];
              if (row.status === "new") badges.push(["new", "new"]);
              if (row.status === "vanished") badges.push(["gone", "vanished"]);
              if (row.since) badges.push(["since", "new since " + row.since]);
              var parent = rowParent(row);
              var sub = (row.was ? "was: " + row.was + " " : "") + (parent ? "in " + parent : "");
              var open = function () { if (row.node === null) showVanished(k); else select(row.node, "changes"); };
              var item;
              if (row.from === undefined) {
                item = el("button", "change-row");
                item.type = "button";
                var label = el("span", "label");
                label.appendChild(el("span", "nm", rowName(row)));
                if (parent) label.appendChild(el("span", "sub", "in " + parent));
                item.appendChild(label);
                item.appendChild(el("span", "diverge counts", "counts only: " + fmt(row.before) + " → " + fmt(row.after)));
                item.appendChild(el("span", "delta faint", (row.after >= row.before ? "+" : "−") + fmt(Math.abs(row.after - row.before))));
                item.appendChild(el("span", "shares", ""));
                item.addEventListener("click", open);
              } else {
                item = changeRow(rowName(row), sub, badges, row.node === null ? WITHHELD : topColour(nodes[row.node]), row, scale, open);
              }
              item.setAttribute("data-row", String(k));
              if (row.node !== null && row.node === state.selected) item.classList.add("selected");
              list.appendChild(item);
            });
            card.appendChild(list);
            if (shown.length < listed.length) {
              var more = el("button", "more-changes", "Show all " + fmt(listed.length) + " clusters");
              more.type = "button";
              more.addEventListener("click", function () { state.allChanges = true; renderChanges(); });
              card.appendChild(more);
            }
          }

          function markChangeRow(k) {
            var rows = document.querySelectorAll("#changes .change-row");
            for (var r = 0; r < rows.length; r++) rows[r].classList.toggle("selected", rows[r].getAttribute("data-row") === String(k));
          }

          /// The detail panel for a cluster of the earlier period that the later one lacks.
          function showVanished(k) {
            var row = compare.rows[k];
            state.selected = -1;
            var previous = treeEl.querySelectorAll(".row.selected");
            for (var r = 0; r < previous.length; r++) previous[r].classList.remove("selected");
            markChangeRow(k);
            var panel = byId("details");
            panel.textContent = "";
            if (row.parent) panel.appendChild(el("p", "detail-path", "in " + row.parent + " (earlier period)"));
            panel.appendChild(el("h2", "detail-name", row.name));
            var meta = el("p", "detail-meta", row.id + " · ");
            meta.appendChild(el("span", "badge gone", "vanished: only in the earlier period"));
            panel.appendChild(meta);
            panel.appendChild(el("p", "detail-desc", row.desc || "No description."));
            panel.appendChild(changeFacts(row));
            panel.scrollIntoView({ block: "nearest" });
          }

          /// Before, after and the change, as fact boxes.
          function changeFacts(row) {
            var facts = el("div", "facts change-facts");
            function fact(value, key) { addFact(facts, value, key); }
            if (row.from === undefined) {
              fact(fmt(row.before) + " → " + fmt(row.after), "conversations (counts only)");
              return facts;
            }
            fact(fmt(row.before) + " · " + share(row.from), "before");
            fact(fmt(row.after) + " · " + share(row.to), "after");
            facts.title = "before: " + compare.before.line + "\nafter: " + compare.after.line;
            fact(points(row.to - row.from) + " pp", "change in share");
            fact(points(row.low) + " to " + points(row.high), "95% interval (pp)");
            return facts;
          }

          // ---- trends (--trend) ----------------------------------------------------------------
          var trend = data.trend || null;

          function renderTrends() {
            var card = byId("trends");
            card.hidden = false;
            card.textContent = "";
            var unit = trend.unit, n = trend.periods.length;
            var head = el("div", "card-head");
            head.appendChild(el("h2", null, "Share of conversations per " + unit));
            head.appendChild(el("span", "muted", trend.periods[0] + (n > 1 ? " to " + trend.periods[n - 1] : "") + " · " + plural(n, unit, unit + "s")));
            card.appendChild(head);
            trend.notes.forEach(function (note) { card.appendChild(el("p", "muted note", "Note: " + note)); });
            var grid = el("div", "trend-grid");
            var chart = el("div", "trend-chart");
            chart.id = "trend-chart";
            grid.appendChild(chart);
            var side = el("div", "trend-list");
            grid.appendChild(side);
            card.appendChild(grid);

            // Lines for the top-level series: each period's count over that period's total.
            var width = 640, height = 230, left = 34, bottom = 20, top = 10;
            var svg = svgEl("svg", { viewBox: "0 0 " + width + " " + height, role: "img" });
            svg.setAttribute("aria-label", "Share of conversations per " + unit + " for each top-level cluster");
            var lines = trend.series.filter(function (s) { return nodes[s.node].parent === null; });
            var shares = lines.map(function (s) { return s.counts.map(function (c, p) { return trend.totals[p] ? c / trend.totals[p] : null; }); });
            var max = 0.01;
            shares.forEach(function (row) { row.forEach(function (v) { if (v !== null && v > max) max = v; }); });
            function x(p) { return left + (n > 1 ? p / (n - 1) : 0.5) * (width - left - 8); }
            function y(v) { return top + (1 - v / max) * (height - top - bottom); }
            if (trend.window[1] > trend.window[0]) {
              svg.appendChild(svgEl("rect", { "class": "window", x: x(trend.window[0]), y: top, width: x(trend.window[1]) - x(trend.window[0]), height: height - top - bottom }));
            }
            svg.appendChild(svgEl("line", { x1: left, x2: width - 8, y1: y(0) + 0.5, y2: y(0) + 0.5, stroke: "#d5d9df" }));
            var maxLabel = svgEl("text", { x: 0, y: top + 8, "class": "axis" });
            maxLabel.textContent = share(max);
            svg.appendChild(maxLabel);
            var zeroLabel = svgEl("text", { x: 0, y: y(0), "class": "axis" });
            zeroLabel.textContent = "0%";
            svg.appendChild(zeroLabel);
            var marks = n === 1 ? [0] : n === 2 ? [0, 1] : [0, Math.floor((n - 1) / 2), n - 1];
            marks.forEach(function (p, m) {
              var anchor = marks.length > 1 && m === marks.length - 1 ? "end" : m === 0 ? "start" : "middle";
              var label = svgEl("text", { x: x(p), y: height - 4, "text-anchor": anchor, "class": "axis" });
              label.textContent = trend.periods[p];
              svg.appendChild(label);
            });
            lines.forEach(function (s, k) {
              var d = "";
              shares[k].forEach(function (v, p) { if (v !== null) d += (d ? " L" : "M") + x(p).toFixed(1) + " " + y(v).toFixed(1); });
              if (n === 1) d += " l0.1 0";
              var node = nodes[s.node];
              var path = svgEl("path", { "class": "line", d: d, stroke: node.withheld ? WITHHELD : topColour(node), "data-node": s.node });
              var tip = svgEl("title", {});
              tip.textContent = node.name;
              path.appendChild(tip);
              path.addEventListener("click", function () { select(s.node, "trends"); });
              svg.appendChild(path);
            });
            chart.appendChild(svg);

            side.appendChild(el("h3", null, trend.growth.length
              ? "Growth over the last " + plural(trend.window[1] - trend.window[0] + 1, unit, unit + "s") + " (" + trend.periods[trend.window[0]] + " to " + trend.periods[trend.window[1]] + ")"
              : "Growth"));
            if (!trend.growth.length) side.appendChild(el("p", "muted", "One " + unit + " only: nothing to compare."));
            var list = el("div", "change-list");
            list.id = "growth-list";
            var scale = changeScale(trend.growth);
            trend.growth.slice(0, 10).forEach(function (g) {
              var row = changeRow(nodes[g.node].name, null, [], topColour(nodes[g.node]), g, scale, function () { select(g.node, "trends"); });
              row.setAttribute("data-node", String(g.node));
              list.appendChild(row);
            });
            side.appendChild(list);
            if (trend.growth.length > 10) side.appendChild(el("p", "muted", "and " + plural(trend.growth.length - 10, "more", "more") + " (clio-tree --trend --format json lists all)"));
          }

          function highlightTrend(i) {
            var top = i >= 0 ? ancestry(i)[0] : -1;
            var paths = document.querySelectorAll("#trend-chart .line");
            for (var k = 0; k < paths.length; k++) {
              var mine = Number(paths[k].getAttribute("data-node")) === top;
              paths[k].classList.toggle("hot", mine);
              paths[k].classList.toggle("dim", top >= 0 && !mine);
            }
            var rows = document.querySelectorAll("#growth-list .change-row");
            for (var r = 0; r < rows.length; r++) rows[r].classList.toggle("selected", Number(rows[r].getAttribute("data-node")) === i);
          }

          // ---- selection -----------------------------------------------------------------------
          function select(i, from) {
            state.selected = i;
            if (from !== "map") {
              var parent = nodes[i].parent;
              state.view = parent === null ? -1 : parent;
            }
            if (from === "tree") {
              var previous = treeEl.querySelectorAll(".row.selected");
              for (var k = 0; k < previous.length; k++) previous[k].classList.remove("selected");
            } else {
              revealInTree(i);
            }
            var row = treeEl.querySelector('li[data-index="' + i + '"] > .row');
            if (row) {
              row.classList.add("selected");
              if (from !== "tree") row.scrollIntoView({ block: "nearest" });
            }
            renderDetails(i);
            renderMap();
            if (compare) markChangeRow(changeOf[i] === undefined ? -1 : changeOf[i]);
            if (trend) highlightTrend(i);
            if (from === "changes" || from === "trends") byId("details").scrollIntoView({ block: "nearest" });
          }

          var searchTimer = null;
          byId("search").addEventListener("input", function (event) {
            clearTimeout(searchTimer);
            var value = event.target.value;
            searchTimer = setTimeout(function () { state.query = value.trim().toLowerCase(); renderTree(); }, 120);
          });

          var resizeTimer = null;
          window.addEventListener("resize", function () {
            clearTimeout(resizeTimer);
            resizeTimer = setTimeout(renderMap, 150);
          });

          renderOverview();
          setUpColourChoice();
          renderTree();
          renderMap();
          renderDetails(-1);
          if (compare) renderChanges();
          if (trend) renderTrends();
          document.documentElement.setAttribute("data-ready", "true");
        })();

        """#
}
