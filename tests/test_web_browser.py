"""Issue 12: the web app in a real browser, served by the real ``pitboard serve`` process.

One ``pitboard serve`` subprocess over the full bundled database and one headless Debian chromium
(``/usr/bin/chromium``, driven by Playwright through ``executable_path``: no browser is ever
downloaded) for the whole module. Every kind of page must load with its status, its ``<h1>``, no
console error, no failed sub-request and no Content-Security-Policy violation; search, links,
the interactive charts (hover, zoom, legend) and the phone layout must work. Each page is saved as
a screenshot to ``tests/.artifacts/screenshots/`` (or ``$PITBOARD_SCREENSHOTS``) for a human look.

No chromium: the module fails with a message saying how to install it, unless
``PITBOARD_SKIP_BROWSER`` is set (then it is skipped). No timing assertions here (see
``bench/web.py``).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pitboard.web.process import ServerProcess

pytestmark = pytest.mark.full

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SESSION = "/2023/petit-le-mans/race?cls=gtp"
#: Collects Content-Security-Policy violations (init scripts are injected by the browser, not the page).
CSP_PROBE = (
    "window.__csp = [];"
    "document.addEventListener('securitypolicyviolation',"
    " (e) => window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')), true);"
)

#: One URL of every kind of page: (name, path, status, text the <h1> must contain).
PAGES = [
    ("home", "/", 200, "IMSA WeatherTech SportsCar Championship"),
    ("season", "/2023", 200, "2023 season"),
    ("event", "/2023/petit-le-mans", 200, "Petit Le Mans 2023"),
    ("session", SESSION, 200, "Petit Le Mans 2023 · Race"),
    ("view", "/2023/petit-le-mans/race/positions?cls=gtp", 200, "Race · positions"),
    ("chart", "/2023/petit-le-mans/race/charts/gaps?cls=gtp", 200, "Gap to class leader"),
    ("chart-image", "/2023/petit-le-mans/race/charts/pace?cls=gtp", 200, "Petit Le Mans 2023"),
    ("drivers", "/drivers", 200, "Drivers"),
    ("driver", "/drivers/tom-blomqvist", 200, "Tom Blomqvist"),
    ("h2h", "/drivers/tom-blomqvist/vs/pipo-derani", 200, "Tom Blomqvist vs Pipo Derani"),
    ("teams", "/teams", 200, "Teams"),
    ("team", "/teams/wayne-taylor-racing", 200, "Wayne Taylor Racing"),
    ("cars", "/cars/2023", 200, "Cars of 2023"),
    ("car", "/cars/2023/60", 200, "#60 Meyer Shank Racing"),
    ("manufacturers", "/manufacturers", 200, "Manufacturers"),
    ("manufacturer", "/manufacturers/acura", 200, "Acura"),
    ("standings", "/2023/standings/gtp", 200, "2023 GTP drivers championship"),
    ("leaders", "/leaders?metric=wins&by=driver&season=2023&cls=gtp", 200, "Leaders: wins by driver"),
    ("corrections", "/corrections", 200, "Decisions taken after the exports"),
    ("search", "/search?q=taylor", 200, "Search: “taylor”"),
    ("source", "/sources/2023/21-road-atlanta/202310141140-race-results.csv?line=2", 200, "Source:"),
    ("check", "/check", 200, "Check an article"),
    ("not-found", "/no-such-page/at-all", 404, "Not found"),
]


# -- the browser and the server ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> str:
    """Debian's chromium (and the playwright package), or a clear failure (a skip when asked)."""
    path = CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")
    problem = None
    if not path:
        problem = f"chromium not found at {CHROMIUM} (nor on PATH)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is not installed (pip install -e '.[dev]')"
    if problem:
        if os.environ.get("PITBOARD_SKIP_BROWSER"):
            pytest.skip(f"browser tests skipped (PITBOARD_SKIP_BROWSER): {problem}")
        pytest.fail(
            f"{problem}: run ./scripts/ensure-chromium (make test does), or set PITBOARD_SKIP_BROWSER=1 "
            "to skip the browser tests",
            pytrace=False,
        )
    return str(path)


@pytest.fixture(scope="module")
def server(chromium: str, full_db: Path) -> Iterator[ServerProcess]:
    try:
        running = ServerProcess(full_db, cwd=ROOT)
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots() -> Path:
    folder = Path(os.environ.get("PITBOARD_SCREENSHOTS") or ROOT / "tests" / ".artifacts" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Tab:
    """A browser page that records console errors, uncaught exceptions, failed sub-requests and
    CSP violations (``problems()``; ``reset()`` before each test)."""

    def __init__(self, context: Any, server: ServerProcess) -> None:
        self.context, self.server = context, server
        self.page = context.new_page()
        self.page.set_default_timeout(30_000)
        self.console: list[tuple[str, str]] = []
        self.failed: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.console.append((f"uncaught: {exc}", "")))
        self.page.on("requestfailed", self._failed)
        self.page.on("response", self._response)

    def _console(self, message: Any) -> None:
        if message.type == "error" or "Content Security Policy" in message.text:
            self.console.append((message.text, (message.location or {}).get("url", "")))

    def _failed(self, request: Any) -> None:
        if request.failure != "net::ERR_ABORTED":  # cancelled by leaving the page (a favicon, say)
            self.failed.append(f"{request.url} ({request.failure})")

    def _response(self, response: Any) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            self.failed.append(f"{response.url} → {response.status}")

    def reset(self) -> None:
        self.console.clear()
        self.failed.clear()
        self.log_mark = len(self.server.log)

    def goto(self, path: str) -> Any:
        return self.page.goto(self.server.url + path, wait_until="load")

    def settle(self) -> None:
        """Every interactive chart drawn (or failed) and every image loaded (lazy ones scrolled to)."""
        self.page.wait_for_function(
            "() => [...document.querySelectorAll('.chart[data-src]')].every((c) => c.dataset.ready)"
        )
        for img in self.page.locator("img").all():
            img.scroll_into_view_if_needed()
            img.evaluate("(i) => i.complete || new Promise((done) => { i.onload = i.onerror = done; })")
        self.page.evaluate("window.scrollTo(0, 0)")

    def problems(self, document_status: int = 200) -> list[str]:
        url = self.page.url
        out = []
        for text, where in self.console:
            # the browser reports the page's own error status (an expected 404) as a console error
            if document_status >= 400 and where == url and text.startswith("Failed to load resource"):
                continue
            out.append(f"console: {text} ({where})")
        out += [f"sub-request failed: {f}" for f in self.failed]
        out += [f"CSP violation: {v}" for v in self.page.evaluate("window.__csp || []")]
        out += [f"chart failed: {t}" for t in self.page.locator('.chart[data-ready="error"]').all_inner_texts()]
        log = self.server.log[self.log_mark :]
        if "Traceback" in log or "ERROR" in log:
            out.append("server logged an error:\n" + log)
        return out

    def screenshot(self, folder: Path, name: str) -> None:
        height = min(self.page.evaluate("document.documentElement.scrollHeight"), 4000)
        width = self.page.viewport_size["width"]
        self.page.screenshot(
            path=str(folder / f"{name}.png"), full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height}
        )


def _context(browser: Any, viewport: dict[str, int], **options: Any) -> Any:
    context = browser.new_context(viewport=viewport, **options)
    context.add_init_script(CSP_PROBE)
    return context


@pytest.fixture(scope="module")
def desktop(browser: Any, server: ServerProcess) -> Iterator[Tab]:
    context = _context(browser, DESKTOP)
    yield Tab(context, server)
    context.close()


@pytest.fixture
def tab(desktop: Tab) -> Tab:
    desktop.reset()
    return desktop


# -- every kind of page -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "path", "status", "heading"), PAGES, ids=[p[0] for p in PAGES])
def test_page_loads_cleanly(tab: Tab, shots: Path, name: str, path: str, status: int, heading: str) -> None:
    response = tab.goto(path)
    assert response is not None and response.status == status, f"{path}: HTTP {response and response.status}"
    assert response.headers.get("content-security-policy"), f"{path}: no Content-Security-Policy header"
    h1 = tab.page.locator("h1")
    assert h1.count() == 1, f"{path}: {h1.count()} <h1>"
    assert heading in " ".join(h1.inner_text().split()), f"{path}: <h1> is {h1.inner_text()!r}"
    assert tab.page.locator("link[rel=stylesheet]").count() and tab.page.evaluate(
        "getComputedStyle(document.querySelector('header.top')).display === 'flex'"
    ), f"{path}: the stylesheet did not apply"
    tab.settle()
    assert tab.problems(status) == [], path
    tab.screenshot(shots, f"desktop-{name}")


# -- search and links --------------------------------------------------------------------------------------


def _search_from_home(tab: Tab, text: str) -> None:
    tab.goto("/")
    box = tab.page.locator("form.search.big input[name=q]")
    box.fill(text)
    with tab.page.expect_navigation():
        box.press("Enter")


def test_search_with_a_typo_lands_on_the_driver(tab: Tab) -> None:
    _search_from_home(tab, "blomqvst")
    assert tab.page.url == tab.server.url + "/drivers/tom-blomqvist"
    assert tab.page.locator("h1").inner_text().startswith("Tom Blomqvist")
    assert tab.problems() == []


def test_search_shows_candidates(tab: Tab) -> None:
    _search_from_home(tab, "taylor")
    assert tab.page.url == tab.server.url + "/search?q=taylor"
    drivers = tab.page.locator("ul.results li").filter(has=tab.page.locator(".badge", has_text="driver"))
    names = [a.inner_text() for a in drivers.locator("a").all()]
    assert len(names) >= 3 and {"Jordan Taylor", "Ricky Taylor"} <= set(names), names
    assert all(
        href.startswith("/drivers/")
        for href in drivers.locator("a").evaluate_all("(a) => a.map((x) => x.getAttribute('href'))")
    )
    assert tab.problems() == []


def test_links_from_the_calendar_to_a_race_and_from_a_result_to_a_driver(tab: Tab) -> None:
    tab.goto("/2023")
    race = tab.page.locator("table.calendar a[href$='/race']").first
    href = race.get_attribute("href")
    assert href and href.startswith("/2023/")
    with tab.page.expect_navigation() as navigation:
        race.click()
    assert navigation.value.status == 200
    assert tab.page.url == tab.server.url + href
    assert " · Race" in tab.page.locator("h1").inner_text()

    driver = tab.page.locator("table.results tbody tr").first.locator("a[href^='/drivers/']").first
    name, href = driver.inner_text(), driver.get_attribute("href")
    with tab.page.expect_navigation() as navigation:
        driver.click()
    assert navigation.value.status == 200
    assert tab.page.url == tab.server.url + href
    assert tab.page.locator("h1").inner_text().startswith(name)
    assert tab.problems() == []


def test_list_filter_hides_rows(tab: Tab) -> None:
    tab.goto("/drivers")
    rows = tab.page.locator("#listing tbody tr")
    total = rows.count()
    tab.page.locator("input.filter").fill("blomqvist")
    visible = tab.page.locator("#listing tbody tr:not([hidden])")
    assert 1 <= visible.count() < total and "Tom Blomqvist" in visible.all_inner_texts()[0]
    tab.page.locator("input.filter").fill("")
    assert tab.page.locator("#listing tbody tr:not([hidden])").count() == total
    assert tab.problems() == []


def test_check_an_article_from_its_form(tab: Tab, shots: Path) -> None:
    tab.goto("/check")
    tab.page.locator("form.check input[name=date]").fill("2023-10-20")
    tab.page.locator("form.check textarea[name=text]").fill(
        "Tom Blomqvist won the 2023 Motul Petit Le Mans for Meyer Shank Racing."
    )
    with tab.page.expect_navigation() as navigation:
        tab.page.locator("form.check button[type=submit]").click()
    assert navigation.value.status == 200
    assert tab.page.locator("form.check textarea[name=text]").input_value().startswith("Tom Blomqvist won")
    assert tab.page.locator(".article a.claim").count() >= 1
    tab.page.locator(".article a.claim").first.click()
    assert tab.page.locator("details.claim-detail").first.is_visible()
    assert tab.problems() == []
    tab.screenshot(shots, "desktop-check-result")


# -- the interactive charts -------------------------------------------------------------------------------


def _x_ticks(chart: Any) -> list[str]:
    return chart.locator("svg.line-chart g.axis text[text-anchor=middle]:not(.label)").all_text_contents()


def test_session_charts_draw_every_car_and_respond(tab: Tab, shots: Path) -> None:
    page = tab.page
    tab.goto(SESSION)
    api = page.request.get(tab.server.url + "/api" + SESSION).json()
    cls = api["chart_class"]
    results = [r for r in api["results"] if r["class"] == cls]
    cars = {r["number"] for r in results}
    drivers = {d for r in results for d in (r["drivers"] or "").split(" / ") if d}
    assert len(cars) >= 5, cars

    for kind in ("lap-chart", "gaps"):
        assert kind in api["charts"]
        chart = page.locator(f'.chart[data-kind="{kind}"]')
        chart.scroll_into_view_if_needed()
        page.wait_for_selector(f'.chart[data-kind="{kind}"][data-ready="1"]')
        lines = chart.locator("svg polyline.car-line")
        drawn = lines.evaluate_all("(ls) => ls.map((l) => l.dataset.number)")
        assert sorted(drawn) == sorted(cars), f"{kind}: lines for {sorted(drawn)}, class {cls} has {sorted(cars)}"
        assert all(n > 10 for n in lines.evaluate_all("(ls) => ls.map((l) => l.points.numberOfItems)")), kind

        svg = chart.locator("svg.line-chart")
        box = svg.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 100, box
        y = box["y"] + box["height"] * 0.5
        page.mouse.move(box["x"] + box["width"] * 0.5, y)
        tip = chart.locator(".chart-tip")
        tip.wait_for(state="visible")
        text = tip.inner_text()
        assert re.search(r"\bLap \d+\b", text), text
        assert any(d in text for d in drivers), f"{kind}: no driver named in the tooltip: {text!r}"
        figure = chart.locator("xpath=ancestor::figure[1]")
        figure.screenshot(path=str(shots / f"desktop-session-{kind}-hover.png"))

        before = _x_ticks(chart)
        page.mouse.move(box["x"] + box["width"] * 0.30, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=5)
        page.mouse.up()
        after = _x_ticks(chart)
        assert after and after != before, f"{kind}: dragging did not zoom ({before} → {after})"
        assert float(after[0]) > float(before[0]) and float(after[-1]) < float(before[-1]), (before, after)
        figure.screenshot(path=str(shots / f"desktop-session-{kind}-zoomed.png"))
        chart.get_by_role("button", name="Reset zoom").click()
        assert _x_ticks(chart) == before

        entry = chart.locator(".chart-legend button.car").first
        number = entry.get_attribute("data-number")
        entry.click()
        assert chart.locator(f'polyline.car-line[data-number="{number}"]').count() == 0, (
            f"{kind}: #{number} still drawn"
        )
        assert lines.count() == len(cars) - 1
        assert "off" in (entry.get_attribute("class") or "")
        entry.click()
        assert lines.count() == len(cars)

    images = page.locator("img.chart-img")
    assert images.count() >= 1
    for img in images.all():
        img.scroll_into_view_if_needed()
        page.wait_for_function("(i) => i.complete", arg=img.element_handle())
        assert img.evaluate("(i) => i.naturalWidth") > 0, img.get_attribute("src")
    page.mouse.move(0, 0)
    assert tab.problems() == []


# -- a phone ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "path"), [("driver", "/drivers/tom-blomqvist"), ("session", SESSION)], ids=["driver", "session"]
)
def test_phone_layout_has_no_horizontal_overflow(
    browser: Any, server: ServerProcess, shots: Path, name: str, path: str
) -> None:
    context = _context(browser, PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        phone = Tab(context, server)
        phone.reset()
        response = phone.goto(path)
        assert response is not None and response.status == 200
        phone.settle()
        width = phone.page.evaluate("document.documentElement.scrollWidth")
        wide = phone.page.evaluate(
            """(limit) => [...document.body.querySelectorAll('*')]
                .filter((e) => !e.closest('.scroll') && e.getBoundingClientRect().right > limit + 0.5)
                .slice(0, 5).map((e) => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))""",
            PHONE["width"],
        )
        assert width <= PHONE["width"], f"{path}: the page is {width}px wide on a {PHONE['width']}px phone: {wide}"
        assert phone.problems() == []
        phone.screenshot(shots, f"phone-{name}")
        if phone.page.locator(".chart-box").count():
            phone.page.locator(".chart-box").first.screenshot(path=str(shots / f"phone-{name}-chart.png"))
    finally:
        context.close()
