"""Issue 12: the JSON API and the pages, in-process (FastAPI's test client over the full data).

The API must give exactly the library's answers (the same figures the CLI prints), every page
must have its JSON twin, errors must have one shape, caching must follow the database build, and
nothing a request sends may write, read an arbitrary file or inject markup.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import pitboard
from pitboard.web import app as web

pytestmark = pytest.mark.full


@pytest.fixture(scope="module")
def app(full_db: Path):
    return web.create_app(full_db)


@pytest.fixture(scope="module")
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


#: One URL of every page kind (the API twin is "/api" + the URL).
PAGES = [
    "/",
    "/search?q=taylor",
    "/drivers",
    "/drivers/tom-blomqvist",
    "/drivers/tom-blomqvist/vs/colin-braun",
    "/teams",
    "/teams/wayne-taylor-racing",
    "/manufacturers",
    "/manufacturers/cadillac",
    "/cars/2023",
    "/cars/2023/31",
    "/cars/2023/31/whelen-engineering-racing",
    "/leaders?metric=poles&by=team&season=2023",
    "/corrections",
    "/check",
    "/sources/2023/12-watkins-glen-international/202306251040-race-results.csv?line=3",
    "/2023",
    "/2023/standings/gtp",
    "/2023/standings/gtd?championship=teams&after=watkins-glen",
    "/2023/petit-le-mans",
    "/2023/petit-le-mans/race",
    "/2023/petit-le-mans/qualifying",
    "/2023/petit-le-mans/race/stints?cls=gtp",
    "/2023/petit-le-mans/race/charts/lap-chart?cls=gtp",
]


def _api(url: str) -> str:
    return "/api" + (url if url != "/" else "")


@pytest.mark.parametrize("url", PAGES)
def test_every_page_and_its_api_twin_answer(client: TestClient, url: str) -> None:
    page = client.get(url)
    assert page.status_code == 200, page.text[:500]
    assert page.headers["content-type"].startswith("text/html")
    assert "<h1>" in page.text
    api = client.get(_api(url))
    assert api.status_code == 200, api.text[:500]
    assert api.headers["content-type"] == "application/json"
    assert api.json()


def test_every_route_is_in_the_openapi_document_with_the_error_shape(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    assert len(paths) == len(web.ROUTES)
    for path, _, _, _ in web.ROUTES:
        api = "/api" + (re.sub(r":\w+}", "}", path) if path != "/" else "")
        assert api in paths, api
        responses = paths[api]["get"]["responses"]
        for status in ("400", "404", "500"):
            assert "error" in responses[status]["content"]["application/json"]["schema"]["properties"]
    assert not [p for p in paths if not p.startswith("/api")]


# -- the API gives the library's answers ------------------------------------------------------------


def test_driver_figures_are_the_librarys(client: TestClient, pb: pitboard.Pitboard) -> None:
    data = client.get("/api/drivers/tom-blomqvist").json()
    answer = pb.stats("driver", "tom blomqvist").to_dict()
    for key in ("starts", "wins", "podiums", "poles", "fastest_laps", "laps_led"):
        assert data[key] == answer[key], key
    assert data["coverage"]["complete"] is False
    assert "Chevrolet Sports Car Classic 2021 (12 Jun 2021)" in data["coverage"]["missing_events"]
    scoped = client.get("/api/drivers/tom-blomqvist?season=2022").json()
    assert scoped["wins"] == pb.stats("driver", "tom blomqvist", season=2022).to_dict()["wins"] == 2
    assert scoped["laps_led"] == 197


def test_corrected_result_is_flagged_with_its_source(client: TestClient) -> None:
    data = client.get("/api/2023/the-glen/race").json()
    gtp = [r for r in data["results"] if r["class"] == "GTP"]
    winner = next(r for r in gtp if r["class_position"] == 1)
    assert winner["number"] == "25" and winner["corrected"] is True
    assert winner["source_path"].endswith("202306251040-race-results.csv") and winner["source_line"] == 3
    assert [c["correction_id"] for c in data["corrections"]] == ["2023-wgl-gtp-6"]
    html = client.get("/2023/the-glen/race").text
    assert "motorsport.com" in html and "Corrected after the export" in html
    assert 'href="/sources/2023/12-watkins-glen-international/202306251040-race-results.csv?line=3"' in html


def test_source_row_shows_the_fields_of_the_line(client: TestClient) -> None:
    data = client.get("/api/sources/2023/12-watkins-glen-international/202306251040-race-results.csv?line=3").json()
    fields = {f["column"]: f["value"] for f in data["fields"]}
    assert fields["NUMBER"] == "25"
    assert [c["line"] for c in data["context"] if c["this"]] == [3]


def test_standings_grid_adds_up_and_says_verified(client: TestClient, pb: pitboard.Pitboard) -> None:
    data = client.get("/api/2023/standings/gtp").json()
    assert data["verified"] is True and data["champion"] == pb.standings(2023, "GTP").champion
    for row in data["grid"]["rows"]:
        assert sum(row["rounds"]) + min(0, row["points"] - sum(row["rounds"])) == row["points"] or row["key"] in {
            r.key for r in pb.standings(2023, "GTP").rows
        }
    first = data["grid"]["rows"][0]
    assert first["name"] == "Alexander Sims" and sum(first["rounds"]) == first["points"] == 2733
    partial = client.get("/api/2025/standings/gtp").json()
    assert partial["complete"] is False and partial["champion"] is None


def test_standings_after_a_round(client: TestClient, pb: pitboard.Pitboard) -> None:
    data = client.get("/api/2023/standings/gtp?after=sebring").json()
    assert data["rounds_counted"] == ["Rolex 24 At Daytona", "Mobil 1 Twelve Hours of Sebring"]
    assert [r["points"] for r in data["standings"][:3]] == [
        r.points for r in pb.standings(2023, "GTP", after="Mobil 1 Twelve Hours of Sebring").rows[:3]
    ]


def test_leaders_and_season_page_use_the_same_answers(client: TestClient, pb: pitboard.Pitboard) -> None:
    data = client.get("/api/leaders?metric=wins&by=driver&season=2023&limit=5").json()
    assert data["leaders"] == pb.leaders("wins", by="driver", season=2023, limit=5).to_dict()["leaders"]
    season = client.get("/api/2021").json()
    missing = [e for e in season["calendar"] if e["status"] == "missing"]
    assert [e["event_name"] for e in missing] == ["Chevrolet Sports Car Classic"]
    assert season["overview"]["complete"] is False


def test_chart_data_has_one_line_per_car_and_the_driver_of_each_lap(client: TestClient) -> None:
    data = client.get("/api/2023/petit-le-mans/race/charts/lap-chart?cls=gtp").json()
    results = client.get("/api/2023/petit-le-mans/race").json()["results"]
    assert sorted(r["number"] for r in data["rows"]) == sorted(r["number"] for r in results if r["class"] == "GTP")
    car = next(r for r in data["rows"] if r["number"] == "60")
    assert len(car["x"]) == len(car["y"]) == len(car["drivers"]) == 397
    assert set(car["drivers"]) == {"Tom Blomqvist", "Colin Braun", "Helio Castroneves"}
    assert data["y_range"][0] > data["y_range"][1]  # position 1 at the top


def test_chart_files_are_png_and_svg(client: TestClient) -> None:
    png = client.get("/2023/petit-le-mans/race/charts/lap-chart.png?cls=gtp")
    assert png.status_code == 200 and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    svg = client.get("/2023/petit-le-mans/race/charts/pace.svg?cls=gtp")
    assert svg.headers["content-type"] == "image/svg+xml" and b"<svg" in svg.content[:400]
    assert "attachment" in svg.headers["content-disposition"] or "filename=" in svg.headers["content-disposition"]
    assert client.get("/2023/petit-le-mans/qualifying/charts/gaps.svg").status_code == 404  # race-only chart


def test_search_redirects_one_clear_answer_and_lists_candidates(client: TestClient) -> None:
    one = client.get("/search?q=blomqvst", follow_redirects=False)
    assert one.status_code == 303 and one.headers["location"] == "/drivers/tom-blomqvist"
    many = client.get("/api/search?q=taylor").json()
    drivers = {r["name"] for r in many["results"] if r["kind"] == "driver"}
    assert {"Jordan Taylor", "Ricky Taylor"} <= drivers and many["exact"] is False
    assert client.get("/api/search?q=AXR").json()["results"][0]["name"] == "Whelen Engineering Racing"


def test_event_urls_are_forgiving_and_missing_rounds_say_so(client: TestClient) -> None:
    assert client.get("/api/2023/motul-petit-le-mans").json()["event"]["name"] == "Motul Petit Le Mans"
    assert client.get("/api/2023/road-atlanta").json()["event"]["name"] == "Motul Petit Le Mans"
    detroit = client.get("/api/2021/detroit").json()
    assert detroit["event"]["status"] == "missing" and detroit["sessions"] == []
    assert client.get("/api/2021/detroit/race").status_code == 404


# -- CSV --------------------------------------------------------------------------------------------


def test_csv_by_suffix_and_by_format_are_the_same_table(client: TestClient) -> None:
    by_suffix = client.get("/api/2023/petit-le-mans/race.csv")
    by_format = client.get("/api/2023/petit-le-mans/race?format=csv")
    assert by_suffix.headers["content-type"].startswith("text/csv")
    assert by_suffix.text == by_format.text
    rows = list(csv.DictReader(io.StringIO(by_suffix.text)))
    assert len(rows) == len(client.get("/api/2023/petit-le-mans/race").json()["results"])
    assert rows[0]["class_position"] == "1"


def test_csv_table_choice(client: TestClient) -> None:
    grid = client.get("/api/2023/standings/gtp?format=csv&table=grid").text.splitlines()
    assert grid[0].startswith("position,name,points,Rolex 24 At Daytona")
    bad = client.get("/api/2023/standings/gtp?format=csv&table=nope")
    assert bad.status_code == 400 and bad.json()["error"]["choices"] == ["standings", "grid"]


# -- errors: one shape -------------------------------------------------------------------------------


def _shape(response) -> dict:
    error = response.json()["error"]
    assert set(error) == {"status", "type", "message", "choices", "candidates"}
    assert error["status"] == response.status_code
    return error


def test_unknown_path_is_404_in_the_error_shape(client: TestClient) -> None:
    assert _shape(client.get("/api/nothing/here/at/all/really"))["type"] == "not_found"
    page = client.get("/nothing-here")
    assert page.status_code == 404 and "Not found" in page.text


def test_bad_input_is_400_with_choices(client: TestClient) -> None:
    season = _shape(client.get("/api/2019"))
    assert season["status"] == 400 and "2021" in season["choices"]
    metric = _shape(client.get("/api/leaders?metric=goals"))
    assert metric["status"] == 400
    invalid = _shape(client.get("/api/drivers/tom-blomqvist?season=abc"))
    assert invalid["status"] == 400 and "season" in invalid["message"]
    view = _shape(client.get("/api/2023/petit-le-mans/race/nope"))
    assert view["status"] == 400 and "stints" in view["choices"]


def test_ambiguous_name_is_404_with_candidates(client: TestClient) -> None:
    error = _shape(client.get("/api/drivers/taylor"))
    assert error["type"] == "ambiguous_name" and len(error["candidates"]) >= 3
    page = client.get("/drivers/taylor")
    assert page.status_code == 404 and "Did you mean" in page.text and "Ricky Taylor" in page.text


def test_a_bug_is_500_in_the_error_shape_without_details(app, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(app.state.pitboard.pb, "corrections", broken)
    with TestClient(app, raise_server_exceptions=False) as c:
        response = c.get("/api/corrections?season=2022")
        assert response.status_code == 500
        error = _shape(response)
        assert error["type"] == "internal_error" and "secret" not in error["message"]
        page = c.get("/corrections?season=2022")
        assert page.status_code == 500 and "secret" not in page.text


# -- caching follows the database build --------------------------------------------------------------


def test_etag_revalidates_and_changes_with_the_build(app, client: TestClient) -> None:
    first = client.get("/api/2023")
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    assert client.get("/api/2023", headers={"If-None-Match": etag}).status_code == 304
    assert client.get("/api/2022").headers["etag"] != etag
    state = app.state.pitboard
    old = state.build
    try:
        state.build = "another-build"
        assert client.get("/api/2023", headers={"If-None-Match": etag}).status_code == 200
    finally:
        state.build = old


def test_response_cache_is_bounded() -> None:
    cache = web.ResponseCache(entries=3, size=1000)
    for i in range(10):
        cache.put(str(i), b"x" * 50, "text/plain")
    assert len(cache) == 3 and cache.get("0") is None and cache.get("9") is not None
    cache.put("big", b"x" * 200, "text/plain")  # over an eighth of the budget: not kept
    assert cache.get("big") is None
    small = web.ResponseCache(entries=100, size=400)
    for i in range(10):
        small.put(str(i), b"x" * 50, "text/plain")
    assert len(small) == 8


# -- security ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/", "/api/2023", "/static/style.css", "/api/nope", "/2019"])
def test_security_headers_everywhere(client: TestClient, url: str) -> None:
    headers = client.get(url).headers
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_pages_have_no_inline_script_or_style(client: TestClient) -> None:
    for url in ("/", "/2023/petit-le-mans/race", "/drivers/tom-blomqvist", "/2023/standings/gtp"):
        html = client.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), url
        assert " style=" not in html and "<style" not in html, url
        assert "http://" not in re.sub(r'href="https?://[^"]+"', "", html).replace("http://www.w3.org", ""), url


def test_no_write_method(client: TestClient) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        assert client.request(method, "/api/2023").status_code == 405


def test_request_size_limits(client: TestClient) -> None:
    assert client.get("/api/search?q=" + "a" * 3000).status_code == 414
    big = client.post("/api/2023", content=b"x" * (web.MAX_BODY + 1))
    assert big.status_code == 413
    assert _shape(client.get("/api/search?q=" + "a" * 150))["status"] == 400


def test_no_file_path_from_a_request(client: TestClient) -> None:
    for url in (
        "/sources/../../../../etc/passwd",
        "/sources/%2e%2e/%2e%2e/etc/passwd",
        "/api/sources/..%2F..%2Fpyproject.toml",
        "/sources//etc/passwd",
    ):
        response = client.get(url)
        assert response.status_code in (400, 404), url
        assert "root:" not in response.text
    assert client.get("/static/../app.py").status_code == 404


def test_output_is_escaped(client: TestClient) -> None:
    html = client.get("/search?q=<script>alert(1)</script>").text
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    error = client.get("/drivers/<img src=x onerror=alert(1)>").text
    assert "<img src=x" not in error


# -- the claim checker's faces (issue 13) ------------------------------------------------------------

ARTICLE = (
    "Connor De Phillippi and Nick Yelloly won Sahlen's Six Hours of The Glen on 25 June 2023 in the "
    "No. 25 BMW M Team RLL entry after the No. 6 Porsche was moved to the rear of the GTP field."
)


def test_post_api_check_gives_each_claim_with_verdict_and_evidence(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": ARTICLE, "date": "2023-07-01"})
    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    claims = response.json()["claims"]
    assert claims, "no claim found"
    for claim in claims:
        assert {"text", "type", "verdict", "explanation", "evidence"} <= set(claim)
        assert claim["verdict"] in {"supported", "contradicted", "not checkable"}
        assert ARTICLE[claim["start"] : claim["end"]] == claim["text"]
    won = next(c for c in claims if c["type"] == "result")
    assert won["verdict"] == "supported"


def test_check_page_annotates_the_article(client: TestClient) -> None:
    page = client.post("/check", data={"text": ARTICLE, "date": "2023-07-01"})
    assert page.status_code == 200
    assert 'class="claim v-supported"' in page.text and '<details class="claim-detail' in page.text
    assert "/sources/2023/12-watkins-glen-international/202306251040-race-results.csv" in page.text


def test_check_bad_input(client: TestClient) -> None:
    assert _shape(client.post("/api/check", json={"text": "", "date": "2023-07-01"}))["status"] == 400
    assert _shape(client.post("/api/check", json={"text": "x", "date": "2023-13-45"}))["status"] == 400
    assert _shape(client.post("/api/check", json={"date": "2023-07-01"}))["status"] == 400
    assert (
        _shape(client.post("/api/check", content=b"not json", headers={"content-type": "application/json"}))["status"]
        == 400
    )
    assert client.post("/check", data={"text": ARTICLE, "date": ""}).status_code == 400
    huge = client.post("/api/check", json={"text": "word " * 60_000, "date": "2023-07-01"})
    assert huge.status_code == 413


def test_every_kind_of_link_leads_somewhere(client: TestClient) -> None:
    """Every internal link of every kind of page answers, none with an error (a dead link is a
    bug: a standings tab for a championship the class does not have, a car page for a car that
    never raced). Links are grouped by shape (first path segment, depth, query keys) and the first
    three of each shape on each page are followed."""
    from urllib.parse import parse_qs, urlsplit

    followed, broken = set(), []
    for page in PAGES:
        per_shape: dict[tuple, int] = {}
        for href in re.findall(r'href="(/[^"#]*)"', client.get(page).text):
            href = href.replace("&amp;", "&")
            parts = urlsplit(href)
            if parts.path.startswith(("/static", "/api")) or parts.path.endswith((".png", ".svg")) or href in followed:
                continue
            segments = parts.path.strip("/").split("/")
            shape = (
                "season" if segments[0].isdigit() else segments[0],
                len(segments),
                tuple(sorted(parse_qs(parts.query))),
            )
            if per_shape.get(shape, 0) >= 3:
                continue
            per_shape[shape] = per_shape.get(shape, 0) + 1
            followed.add(href)
            status = client.get(href).status_code
            if status >= 400:
                broken.append((status, href, page))
    assert len(followed) > 100
    assert not broken, broken
