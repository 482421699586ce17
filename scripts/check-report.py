#!/usr/bin/env python3
"""Checks a clio HTML report in headless Chromium the way a user would use it.

Drives the browser over the Chrome DevTools protocol (PyPI `websocket-client`; run through
scripts/check-report.sh, which sets up the venv). Opens the file from disk, waits for the page
to say it is ready, then with real mouse clicks and typed text checks that:

  - the tree, the map and the detail panel are there, with one row and one circle per top-level cluster;
  - clicking a tree row shows that cluster's name in the detail panel;
  - opening a row shows its children, lazily;
  - clicking a circle on the map drills down to its children;
  - with `--compare`: the "What changed" view lists the first rows in the data's order, marks new and
    vanished clusters, draws each bar on the side of its change, and a click on a row shows that
    cluster's details (a vanished one's from the earlier period); "Show all" lists every row;
  - with `--trend`: one line per top-level cluster, the growth ranking, and a click on a ranked
    cluster shows its details and highlights its line;
  - every name that contains markup (`<img …>`, `</script>…`) is found by search, shows as text in
    the tree and the panel, and created no element; no dialog (alert) opened;
  - the page threw no error.

Saves a screenshot (full page) and prints the load time. Exit status 0 when every check passed.
"""
import argparse
import base64
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

# As in the page's script: rows per page of a tree level, most circles drawn on one map level,
# rows of the "What changed" list before "Show all", clusters in the growth ranking.
TREE_PAGE = 200
MAP_LIMIT = 1500
CHANGE_PAGE = 15
GROWTH_SHOWN = 10


class Browser:
    """A headless Chromium with one page, spoken to over the DevTools protocol."""

    def __init__(self, binary, width, height):
        self.profile = tempfile.mkdtemp(prefix="clio-report-check-")
        self.log = open(os.path.join(self.profile, "chromium.log"), "wb")
        command = [binary, "--headless=new", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                   "--disable-extensions", "--disable-background-networking", "--disable-sync",
                   "--remote-debugging-port=0", "--remote-allow-origins=*",
                   "--user-data-dir=" + self.profile, "--window-size=%d,%d" % (width, height), "about:blank"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to run its sandbox as root
        self.process = subprocess.Popen(command, stdout=self.log, stderr=self.log)
        self.events = []
        self.dialogs = []
        self.next_id = 0
        port = self._wait_for_port()
        targets = json.load(urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port, timeout=10))
        page = next(t for t in targets if t.get("type") == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=120, suppress_origin=True)

    def _wait_for_port(self):
        marker = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("chromium exited with status %d (log: %s)" % (self.process.returncode, self.log.name))
            try:
                with open(marker) as f:
                    return int(f.readline())
            except (OSError, ValueError):
                time.sleep(0.05)
        raise RuntimeError("chromium did not open its DevTools port within 30 s")

    def _receive(self):
        message = json.loads(self.socket.recv())
        if message.get("method") == "Page.javascriptDialogOpening":
            # An alert would block the page; note it, dismiss it, carry on.
            self.dialogs.append(message["params"].get("message", ""))
            self.next_id += 1
            self.socket.send(json.dumps({"id": self.next_id, "method": "Page.handleJavaScriptDialog",
                                         "params": {"accept": True}}))
        elif "method" in message:
            self.events.append(message)
        return message

    def call(self, method, **params):
        self.next_id += 1
        wanted = self.next_id
        self.socket.send(json.dumps({"id": wanted, "method": method, "params": params}))
        while True:
            message = self._receive()
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError("%s failed: %s" % (method, message["error"].get("message")))
                return message.get("result", {})

    def wait_for_event(self, method, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in self.events:
                if event["method"] == method:
                    self.events.remove(event)
                    return event
            self.socket.settimeout(max(0.05, deadline - time.monotonic()))
            try:
                self._receive()
            except websocket.WebSocketTimeoutException:
                pass
            finally:
                self.socket.settimeout(120)
        raise RuntimeError("no %s within %.0f s" % (method, timeout))

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise RuntimeError("script error: %s" % details.get("exception", {}).get("description", details.get("text")))
        return result["result"].get("value")

    def click(self, selector):
        """Scrolls the element into view and clicks its centre with the mouse. Returns False when
        something else is on top there, which a user could not click through either."""
        point = self.evaluate("""(function () {
            var e = document.querySelector(%s);
            if (!e) return null;
            e.scrollIntoView({block: "center", inline: "center"});
            var r = e.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
            var hit = document.elementFromPoint(x, y);
            return [x, y, !!hit && (hit === e || e.contains(hit))];
        })()""" % json.dumps(selector))
        if point is None:
            return False
        x, y, reachable = point
        if not reachable:
            return False
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        self.call("Input.dispatchMouseEvent", type="mousePressed", x=x, y=y, button="left", clickCount=1)
        self.call("Input.dispatchMouseEvent", type="mouseReleased", x=x, y=y, button="left", clickCount=1)
        return True

    def type_text(self, text):
        self.call("Input.insertText", text=text)

    def settle(self, seconds=0.3):
        """Lets timers (the search box's debounce) run, while still handling events."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.evaluate("new Promise(function (done) { setTimeout(done, 50); })")

    def close(self):
        try:
            self.socket.close()
        except Exception:
            pass
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)


class Checks:
    def __init__(self):
        self.failed = 0
        self.passed = 0

    def expect(self, condition, message, detail=""):
        if condition:
            self.passed += 1
            print("ok: " + message)
        else:
            self.failed += 1
            print("FAIL: " + message + (" (%s)" % detail if detail else ""))
        return condition


def text_of(browser, selector):
    return browser.evaluate("(function () { var e = document.querySelector(%s); return e ? e.textContent : null; })()"
                            % json.dumps(selector))


def check_changes(browser, checks, data):
    """The "What changed" view of a --compare report."""
    nodes, rows = data["nodes"], data["compare"]["rows"]
    shown = browser.evaluate("""Array.prototype.map.call(document.querySelectorAll('#changes .change-row'), function (r) {
        var bar = r.querySelector('.bar');
        return {row: Number(r.getAttribute('data-row')), name: r.querySelector('.nm').textContent,
                badges: Array.prototype.map.call(r.querySelectorAll('.badge'), function (b) { return b.textContent; }),
                bar: bar ? (bar.classList.contains('up') ? 'up' : 'down') : null};
    })""")
    expected = list(range(min(len(rows), CHANGE_PAGE)))
    checks.expect([r["row"] for r in shown] == expected, "the What changed view lists the first %d rows in order" % len(expected),
                  [r["row"] for r in shown][:20])

    def name(row):
        return row["name"] if row["node"] is None else nodes[row["node"]]["name"]
    wrong = [r for r in shown if r["name"] != name(rows[r["row"]])
             or ("new" in r["badges"]) != (rows[r["row"]]["status"] == "new")
             or ("vanished" in r["badges"]) != (rows[r["row"]]["status"] == "vanished")]
    checks.expect(not wrong, "each change row shows its cluster's name verbatim and marks new and vanished ones", wrong[:2])
    sides = [r for r in shown if "from" in rows[r["row"]]
             and r["bar"] != ("up" if rows[r["row"]]["to"] - rows[r["row"]]["from"] >= 0 else "down")]
    checks.expect(not sides, "each change bar points the way its share moved", sides[:2])

    for status in ("new", "matched", "vanished"):
        k = next((r["row"] for r in shown if rows[r["row"]]["status"] == status), None)
        if k is None:
            continue
        clicked = browser.click('#changes .change-row[data-row="%d"]' % k)
        panel = text_of(browser, "#details .detail-name")
        facts = text_of(browser, "#details .change-facts") or ""
        selected = browser.evaluate("Array.prototype.map.call(document.querySelectorAll('#changes .change-row.selected'),"
                                    " function (r) { return Number(r.getAttribute('data-row')); })")
        checks.expect(clicked and panel == name(rows[k]) and "change in share" in facts and selected == [k],
                      "clicking a %s cluster's change row shows its details and its change" % status,
                      "panel=%r facts=%r selected=%r" % (panel, facts[:80], selected))
    listed = "Array.prototype.map.call(document.querySelectorAll('#changes .change-row'), function (r) { return Number(r.getAttribute('data-row')); })"
    choose = "(function () { var s = document.getElementById('change-depth'); s.value = '%s'; s.dispatchEvent(new Event('change')); })()"
    if any(r["depth"] > 1 for r in rows):
        browser.evaluate(choose % 1)
        want = [k for k, r in enumerate(rows) if r["depth"] == 1][:CHANGE_PAGE]
        got = browser.evaluate(listed)
        checks.expect(got == want, "showing the top level lists only top-level clusters", got[:20])
        browser.evaluate(choose % 0)
    if len(rows) > CHANGE_PAGE:
        browser.click("#changes .more-changes")
        count = browser.evaluate("document.querySelectorAll('#changes .change-row').length")
        checks.expect(count == len(rows), "Show all lists every one of the %d rows" % len(rows), "got %s" % count)


def check_trends(browser, checks, data):
    """The trends view of a --trend report."""
    nodes, trend = data["nodes"], data["trend"]
    tops = [s["node"] for s in trend["series"] if nodes[s["node"]]["parent"] is None]
    lines = browser.evaluate("Array.prototype.map.call(document.querySelectorAll('#trend-chart .line'),"
                             " function (p) { return Number(p.getAttribute('data-node')); })")
    checks.expect(lines == tops, "the trend chart draws one line per top-level cluster (%d)" % len(tops), lines)
    ranked = browser.evaluate("Array.prototype.map.call(document.querySelectorAll('#growth-list .change-row'),"
                              " function (r) { return Number(r.getAttribute('data-node')); })")
    want = [g["node"] for g in trend["growth"][:GROWTH_SHOWN]]
    checks.expect(ranked == want, "the growth ranking lists the fastest-growing clusters in order", ranked)
    if want:
        target = want[0]
        clicked = browser.click('#growth-list .change-row[data-node="%d"]' % target)
        panel = text_of(browser, "#details .detail-name")
        hot = browser.evaluate("Array.prototype.map.call(document.querySelectorAll('#trend-chart .line.hot'),"
                               " function (p) { return Number(p.getAttribute('data-node')); })")
        checks.expect(clicked and panel == nodes[target]["name"] and hot == [target],
                      "clicking the fastest-growing cluster shows its details and highlights its line",
                      "panel=%r hot=%r" % (panel, hot))


def main():
    parser = argparse.ArgumentParser(description="check a clio HTML report in headless chromium")
    parser.add_argument("report")
    parser.add_argument("screenshot")
    parser.add_argument("--browser", default="chromium")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args()

    report = pathlib.Path(args.report).resolve()
    if not report.is_file():
        print("check-report: FAIL: %s is not a file" % args.report, file=sys.stderr)
        return 1
    checks = Checks()
    started = time.monotonic()
    browser = Browser(args.browser, args.width, args.height)
    try:
        browser.call("Page.enable")
        browser.call("Runtime.enable")
        browser.call("Emulation.setDeviceMetricsOverride", width=args.width, height=args.height,
                     deviceScaleFactor=1, mobile=False)
        opened = time.monotonic()
        browser.call("Page.navigate", url=report.as_uri())
        browser.wait_for_event("Page.loadEventFired", timeout=120)
        ready = None
        while time.monotonic() - opened < 120:
            ready = browser.evaluate("document.documentElement.getAttribute('data-ready')")
            if ready == "true":
                break
            time.sleep(0.02)
        load_seconds = time.monotonic() - opened
        if not checks.expect(ready == "true", "page loaded and rendered (%.2f s)" % load_seconds):
            return 1

        data = browser.evaluate("JSON.parse(document.getElementById('clio-data').textContent)")
        nodes, roots = data["nodes"], data["roots"]
        layout = browser.evaluate("""({
            tree: document.querySelectorAll('#tree > li[data-index]').length,
            more: document.querySelectorAll('#tree > li.more').length,
            circles: document.querySelectorAll('#map circle').length,
            panel: !!document.getElementById('details'),
            weekly: document.querySelectorAll('#weekly rect').length,
            largest: document.querySelectorAll('#largest .share-row').length
        })""")
        shown_rows = min(len(roots), TREE_PAGE)
        checks.expect(layout["tree"] == shown_rows and layout["more"] == (len(roots) > TREE_PAGE),
                      "tree shows %d of the %d top-level clusters" % (shown_rows, len(roots)), layout)
        checks.expect(layout["circles"] == min(len(roots), MAP_LIMIT),
                      "map draws one circle per top-level cluster (at most %d)" % MAP_LIMIT, layout)
        if len(roots) > TREE_PAGE:
            browser.click("#tree > li.more button")
            rows = browser.evaluate("document.querySelectorAll('#tree > li[data-index]').length")
            checks.expect(rows == min(len(roots), 2 * TREE_PAGE), "the tree's next page of rows opens on request",
                          "rows=%s" % rows)
        checks.expect(layout["panel"], "detail panel is present")
        checks.expect(layout["weekly"] == len(data["weeks"]) and layout["largest"] > 0,
                      "overview charts are drawn (weeks and largest clusters)", layout)

        # Click a tree row: the panel names that cluster.
        target = roots[1] if len(roots) > 1 else roots[0]
        clicked = browser.click('#tree li[data-index="%d"] > .row .name' % target)
        shown = text_of(browser, "#details .detail-name")
        checks.expect(clicked and shown == nodes[target]["name"],
                      "clicking a tree row opens its details", "panel shows %r" % shown)

        # Open a row: its children appear (built on demand).
        first = roots[0]
        kids = nodes[first]["kids"]
        if kids:
            browser.click('#tree li[data-index="%d"] > .row .caret' % first)
            count = browser.evaluate("document.querySelectorAll('#tree li[data-index=\"%d\"] > ul > li').length" % first)
            checks.expect(count == len(kids), "opening a tree row shows its %d children" % len(kids), "got %s" % count)

        # Click the largest circle with children: the map drills down to them.
        parents = [i for i in roots if nodes[i]["kids"]]
        if parents:
            big = max(parents, key=lambda i: (nodes[i]["r"], -i))
            clicked = browser.click('#map g[data-index="%d"] circle' % big)
            circles = browser.evaluate("document.querySelectorAll('#map circle').length")
            crumb = text_of(browser, "#crumbs .current")
            checks.expect(clicked and circles == len(nodes[big]["kids"]) and crumb == nodes[big]["name"],
                          "clicking a map circle drills down to its children",
                          "clicked=%s circles=%s crumb=%r" % (clicked, circles, crumb))
            browser.click("#crumbs button")
            circles = browser.evaluate("document.querySelectorAll('#map circle').length")
            checks.expect(circles == min(len(roots), MAP_LIMIT), "the breadcrumb goes back to the top level",
                          "circles=%s" % circles)

        # Colour by a facet: the same circles, recoloured, with a legend for the scale.
        fills = "Array.prototype.map.call(document.querySelectorAll('#map circle'), function (c) { return c.getAttribute('fill'); })"
        before = browser.evaluate(fills)
        browser.evaluate("(function () { var s = document.getElementById('colour-by'); s.value = 'concerning';"
                         " s.dispatchEvent(new Event('change')); })()")
        after = browser.evaluate(fills)
        legend = text_of(browser, "#legend")
        checks.expect(len(after) == len(before) and after != before and "concerning" in (legend or ""),
                      "colouring the map by mean concerning score recolours it", "legend=%r" % legend)
        browser.evaluate("(function () { var s = document.getElementById('colour-by'); s.value = 'top';"
                         " s.dispatchEvent(new Event('change')); })()")

        if data.get("compare"):
            check_changes(browser, checks, data)
        if data.get("trend"):
            check_trends(browser, checks, data)

        # Names with markup stay text: found by search, shown verbatim, nothing injected.
        hostile = [i for i, n in enumerate(nodes) if "<" in n["name"] or "<" in n["desc"]]
        checks.expect(bool(hostile), "the report has names or descriptions with markup to check",
                      "make one with scripts/make-cluster-fixture.py")
        for i in hostile:
            name = nodes[i]["name"]
            browser.click("#search")
            browser.evaluate("document.getElementById('search').select()")
            browser.type_text(name)
            browser.settle(0.4)
            rows = browser.evaluate("Array.prototype.map.call(document.querySelectorAll('#tree .name.hit'),"
                                    " function (e) { return e.firstChild ? e.firstChild.nodeValue : ''; })")
            found = browser.click('#tree li[data-index="%d"] > .row .name' % i)
            shown = text_of(browser, "#details .detail-name")
            description = text_of(browser, "#details .detail-desc")
            checks.expect(name in rows and found and shown == name and description == (nodes[i]["desc"] or "No description."),
                          "markup in cluster %s stays text: %s" % (nodes[i]["id"], json.dumps(name)[:60]),
                          "rows=%r panel=%r" % (rows[:3], shown))
        injected = browser.evaluate("""({
            images: document.querySelectorAll('img').length,
            scripts: document.scripts.length,
            handlers: document.querySelectorAll('[onerror],[onload],[onclick]').length
        })""")
        checks.expect(injected == {"images": 0, "scripts": 2, "handlers": 0},
                      "no element was injected by data (no img, no extra script, no inline handler)", injected)
        checks.expect(not browser.dialogs, "no alert or other dialog opened", browser.dialogs)

        # A tidy state for the screenshot: search cleared, a mid-level cluster selected, its parent open.
        browser.click("#search")
        browser.evaluate("document.getElementById('search').select()")
        browser.call("Input.dispatchKeyEvent", type="keyDown", key="Backspace", code="Backspace",
                     windowsVirtualKeyCode=8)
        browser.call("Input.dispatchKeyEvent", type="keyUp", key="Backspace", code="Backspace",
                     windowsVirtualKeyCode=8)
        browser.settle(0.4)
        showcase = nodes[roots[0]]["kids"][0] if nodes[roots[0]]["kids"] else roots[0]
        browser.click('#tree li[data-index="%d"] > .row .name' % roots[0])
        browser.evaluate("window.scrollTo(0, 0)")
        browser.click('#tree li[data-index="%d"] > .row .name' % showcase)
        browser.evaluate("window.scrollTo(0, 0)")
        browser.settle(0.2)

        errors = [e for e in browser.events if e["method"] == "Runtime.exceptionThrown"
                  or (e["method"] == "Runtime.consoleAPICalled" and e["params"].get("type") == "error")]
        checks.expect(not errors, "the page threw no error",
                      errors and json.dumps(errors[0]["params"])[:300])

        size = browser.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
        browser.call("Emulation.setDeviceMetricsOverride", width=args.width, height=max(args.height, size[1]),
                     deviceScaleFactor=1, mobile=False)
        shot = browser.call("Page.captureScreenshot", format="png")
        pathlib.Path(args.screenshot).write_bytes(base64.b64decode(shot["data"]))
        print("screenshot: %s" % args.screenshot)
        print("report: %s, %d bytes, %d clusters, load %.2f s" % (args.report, report.stat().st_size, len(nodes), load_seconds))
    except Exception as error:  # a broken page or browser is a failed check, said plainly
        checks.expect(False, "the browser session completed", str(error))
    finally:
        browser.close()
    total = time.monotonic() - started
    if checks.failed:
        print("check-report: FAIL: %d of %d checks failed (%.1f s)" % (checks.failed, checks.failed + checks.passed, total))
        return 1
    print("check-report: all %d checks passed (%.1f s)" % (checks.passed, total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
