"""`redactor review` end to end in a real headless browser (Debian's chromium + chromium-driver,
driven by Selenium): review 20 notes (accept, reject, change a category, add a missed span),
save the gold file, and check that `redactor eval` on it prints the figures counted by hand.

Skipped, saying why, only where chromium, chromedriver or selenium is missing
(`make install` installs them where apt is available). With REDACTOR_SCREENSHOTS=DIR set, the
test also saves review-page.png and summary-page.png there (the README's screenshots).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
try:
    import selenium  # noqa: F401
except ImportError:
    selenium = None

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None or selenium is None,
    reason="no headless browser here: install Debian's chromium and chromium-driver "
    "(`apt-get install chromium chromium-driver`) and selenium (the dev extra) to run the review page test",
)


def twenty_notes(path: Path) -> None:
    notes = []
    for name, count in (("dev_identifiers.jsonl", 16), ("dev_special.jsonl", 4)):
        with (DATA / name).open(encoding="utf-8") as handle:
            for _, line in zip(range(count), handle):
                raw = json.loads(line)
                notes.append({"id": raw["id"], "text": raw["text"]})
    path.write_text("".join(json.dumps(n, ensure_ascii=False) + "\n" for n in notes), encoding="utf-8")


@pytest.fixture(scope="module")
def review_server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("review")
    twenty_notes(workdir / "notes.jsonl")
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDACTOR_")}
    log = (workdir.parent / "review-server.log").open("w+", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "redactor.cli", "review", "notes.jsonl", "--gold", "gold.jsonl", "--port", "0"],
        cwd=workdir, stdout=log, stderr=subprocess.STDOUT, env=env, text=True,
    )
    url = None
    give_up = time.monotonic() + 300
    while url is None and time.monotonic() < give_up:
        assert process.poll() is None, Path(log.name).read_text()
        url = next(iter(re.findall(r"open (http://\S+)", Path(log.name).read_text())), None)
        time.sleep(0.2)
    assert url, "review server did not start"
    yield workdir, url
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}", "--window-size=1400,900",
    ):  # fmt: skip
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def wait_for(condition, what: str, timeout: float = 30.0):
    give_up = time.monotonic() + timeout
    while time.monotonic() < give_up:
        if value := condition():
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


class Page:
    """The review page, driven as a user would: keys and clicks."""

    def __init__(self, driver):
        self.driver = driver

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def key(self, keys: str) -> None:
        from selenium.webdriver.common.action_chains import ActionChains

        ActionChains(self.driver).send_keys(keys).perform()

    def note(self) -> dict:
        return self.js("return state.note")

    def settled(self) -> None:
        """Wait until the last change is saved (the server answered)."""
        self.js("window.__done = false; state.busy.then(() => { window.__done = true; });")
        wait_for(lambda: self.js("return window.__done"), "the save to finish")

    def open(self, index: int) -> dict:
        wait_for(lambda: self._click_note(index), f"a click on note {index}")
        return wait_for(lambda: (n := self.note()) and n["index"] == index and n, f"note {index}")

    def _click_note(self, index: int) -> bool:
        """Click the index-th note of the list; False when the list re-rendered under the click
        (the page redraws it when a note opens or is saved), so that the caller clicks again."""
        from selenium.common.exceptions import StaleElementReferenceException

        try:
            self.driver.find_elements("css selector", "#note-list li")[index].click()
        except StaleElementReferenceException:
            return False
        return True

    def reviewed_count(self) -> int:
        return int(self.driver.find_element("id", "progress").text.split("/")[0])

    def select_text(self, start: int, end: int) -> None:
        """Select original-text code points start..end with the mouse's selection API."""
        self.js(
            """
            const [start, end] = [arguments[0], arguments[1]];
            const u16 = u16Offsets(state.note.text);
            const walker = document.createTreeWalker(document.getElementById("original"), NodeFilter.SHOW_TEXT);
            const range = document.createRange();
            let seen = 0, node;
            while ((node = walker.nextNode())) {
              const next = seen + node.length;
              if (u16[start] >= seen && u16[start] <= next) range.setStart(node, u16[start] - seen);
              if (u16[end] >= seen && u16[end] <= next) { range.setEnd(node, u16[end] - seen); break; }
              seen = next;
            }
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            """,
            start,
            end,
        )


def uncovered_word(text: str, spans: list[dict]) -> tuple[int, int]:
    """A word of five letters or more that no finding touches."""
    for match in re.finditer(r"[A-Za-zÀ-ÿ]{5,}", text):
        if all(match.end() <= s["start"] or s["end"] <= match.start() for s in spans):
            return match.start(), match.end()
    raise AssertionError("no uncovered word")


def test_review_twenty_notes_in_a_browser_then_eval_matches_the_hand_count(review_server, browser):
    workdir, url = review_server
    browser.get(url)
    page = Page(browser)
    wait_for(lambda: page.note(), "the first note")
    first = page.note()
    assert len(first["spans"]) >= 2 and browser.find_elements("css selector", "#original mark")
    all_findings = sum(len(page.open(i)["spans"]) for i in range(20))  # what the engine found

    # note 1: accept the first finding, reject the second (keyboard: a, n, r)
    page.open(0)
    page.key("a")
    page.settled()
    page.key("n")
    page.key("r")
    page.settled()
    spans = page.note()["spans"]
    assert [spans[0]["status"], spans[1]["status"]] == ["accepted", "rejected"]
    rejected = spans[1]
    assert "rejected" in browser.find_element("css selector", 'mark[data-span="1"]').get_attribute("class")

    # note 2: select an uncovered word and add it as a missed PERSON (m, choose, Enter)
    note = page.open(1)
    start, end = uncovered_word(note["text"], note["spans"])
    page.select_text(start, end)
    page.key("m")
    wait_for(lambda: browser.find_element("id", "add-box").is_displayed(), "the add box")
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "add-category")).select_by_value("PERSON")
    browser.find_element("id", "add-confirm").click()
    page.settled()
    added = [s for s in page.note()["spans"] if s["status"] == "added"]
    assert [(s["start"], s["end"], s["category"]) for s in added] == [(start, end, "PERSON")]

    # note 4: change the first finding's category with its drop-down
    note = page.open(3)
    changed = note["spans"][0]
    new_category = "CITY" if changed["category"] != "CITY" else "PERSON"
    Select(browser.find_element("css selector", '#findings tr[data-span="0"] select')).select_by_value(new_category)
    page.settled()
    assert page.note()["spans"][0]["original_category"] == changed["category"]

    # mark every note reviewed, from the first, with the button and with Enter
    page.open(0)
    browser.find_element("id", "mark-reviewed").click()
    wait_for(lambda: page.reviewed_count() == 1, "one note reviewed")
    for done in range(2, 21):
        page.key("\ue007")  # Enter
        wait_for(lambda: page.reviewed_count() == done, f"{done} notes reviewed")
    page.settled()
    assert all(s["status"] != "pending" for s in page.open(5)["spans"])  # kept when reviewed: accepted

    if shots := os.environ.get("REDACTOR_SCREENSHOTS"):
        Path(shots).mkdir(parents=True, exist_ok=True)
        page.open(2)  # a letter full of identifiers, reviewed
        page.key("n")
        browser.set_window_size(1400, 1000)
        time.sleep(0.5)
        browser.save_screenshot(str(Path(shots) / "review-page.png"))

    # the summary page draws its charts in the page
    browser.find_element("id", "show-summary").click()
    wait_for(lambda: "<svg" in (page.js("return document.getElementById('summary-frame').srcdoc") or ""), "summary")
    if shots:
        browser.set_window_size(1400, 1500)  # the whole summary
        time.sleep(0.5)
        browser.save_screenshot(str(Path(shots) / "summary-page.png"))

    # the gold file holds the decisions, and nothing else was written
    assert sorted(p.name for p in workdir.iterdir()) == ["gold.jsonl", "notes.jsonl"]
    gold = [json.loads(line) for line in (workdir / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(gold) == 20
    rejected_span = {k: rejected[k] for k in ("start", "end", "category")}
    assert rejected_span not in gold[0]["spans"] and gold[0]["rejected"] == [rejected_span]
    assert {"start": start, "end": end, "category": "PERSON"} in gold[1]["spans"]
    assert {"start": changed["start"], "end": changed["end"], "category": new_category} in gold[3]["spans"]
    assert sum(len(g["spans"]) for g in gold) == all_findings  # one rejected, one added

    # hand count: the engine finds the same spans again; the rejected and the re-categorised
    # findings are false positives, the re-categorised and the added spans are misses, and
    # the added span (uncovered text) is the only leak
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDACTOR_")}
    done = subprocess.run(
        [sys.executable, "-m", "redactor.cli", "eval", "--gold", str(workdir / "gold.jsonl"), "--json"],
        capture_output=True, text=True, env=env,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["notes"] == 20
    assert report["micro"]["recall"] == round((all_findings - 2) / all_findings, 4)
    assert report["micro"]["precision"] == round((all_findings - 2) / all_findings, 4)
    assert report["notes_without_leak"] == round(19 / 20, 4)
    printed = subprocess.run(
        [sys.executable, "-m", "redactor.cli", "eval", "--gold", str(workdir / "gold.jsonl")],
        capture_output=True, text=True, env=env,
    ).stdout
    assert "notes with nothing leaked: 19/20" in printed
