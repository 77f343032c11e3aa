"""The built site in a real browser: headless Chromium driven by Selenium, from file://.

Run by scripts/browser-test, which builds the course and passes the site's directory in
KUBEBOOK_SITE and the directory for screenshots in KUBEBOOK_SCREENSHOTS. Checks offline
search (a Chinese and a Latin term, and ?search=), keyboard navigation between pages, the
step-through player (with and without JavaScript), the theme toggle, that no page logs a console error or asks for anything but local files, and
measures the time from typing a query to its first result.
"""

import json
import os
import pathlib
import time
import unittest

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

SITE = pathlib.Path(os.environ["KUBEBOOK_SITE"]).resolve()
SCREENSHOTS = pathlib.Path(os.environ["KUBEBOOK_SCREENSHOTS"]).resolve()
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:", "chrome:", "devtools:")


def page_url(name, query=""):
    """The file:// address of a page of the site."""
    return (SITE / name).as_uri() + query


def start_browser(width, height, phone=False):
    """Headless Chromium with console and network logging, at a window size (a phone's
    viewport is emulated: a desktop window cannot be narrower than 500 pixels)."""
    options = webdriver.ChromeOptions()
    if phone:
        options.add_experimental_option(
            "mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2}})
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", "--lang=zh-CN", f"--window-size={width},{height}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


class SiteTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.browser = start_browser(1280, 900)
        cls.wait = WebDriverWait(cls.browser, 10)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()

    def setUp(self):
        # Drop what earlier tests logged, so each test sees only its own pages' logs.
        self.browser.get_log("browser")
        self.browser.get_log("performance")

    def tearDown(self):
        errors = [entry["message"] for entry in self.browser.get_log("browser")
                  if entry["level"] == "SEVERE"]
        self.assertEqual(errors, [], "console errors")
        requested = []
        for entry in self.browser.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                url = message["params"]["request"]["url"]
                if not url.startswith(LOCAL_SCHEMES):
                    requested.append(url)
        self.assertEqual(requested, [], "requests that left the disk")

    def results(self):
        """The search hits once there are some: (title, marked text, href) each."""
        self.wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results a"))
        hits = self.browser.find_elements(By.CSS_SELECTOR, "#search-results a")
        return [(hit.find_element(By.CLASS_NAME, "search-title").text,
                 [mark.text for mark in hit.find_elements(By.TAG_NAME, "mark")],
                 hit.get_attribute("href")) for hit in hits]

    def test_search_query_in_the_address_shows_chinese_results(self):
        self.browser.get(page_url("index.html", "?search=滚动更新"))
        hits = self.results()
        self.assertIn("Deployment：宿舍总管", [title.split(" · ")[0] for title, _, _ in hits])
        self.assertTrue(all(href.startswith("file:") for _, _, href in hits))
        self.assertTrue(any("滚动" in "".join(marks) for _, marks, _ in hits))

    def test_typed_latin_term_finds_the_strategy_lesson(self):
        self.browser.get(page_url("pods.html"))
        self.browser.find_element(By.TAG_NAME, "body").send_keys("s")
        box = self.browser.switch_to.active_element
        self.assertEqual(box.get_attribute("id"), "search")
        box.send_keys("maxSurge")
        hits = self.results()
        # A hit's title is the lesson's, then the section's after " · ".
        self.assertIn("更新策略：滚动、重建与暂停", [title.split(" · ")[0] for title, _, _ in hits])
        self.assertTrue(all(marks == ["maxSurge"] for _, marks, _ in hits), hits)
        # A hit is a link: following it opens the lesson.
        link = next(hit for hit in self.browser.find_elements(By.CSS_SELECTOR, "#search-results a")
                    if "deployment-strategies.html" in hit.get_attribute("href"))
        link.click()
        self.wait.until(lambda b: "/deployment-strategies.html" in b.current_url)

    def test_arrow_keys_move_between_lessons(self):
        self.browser.get(page_url("pods.html"))
        body = self.browser.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.ARROW_RIGHT)
        self.wait.until(lambda b: b.current_url.endswith("pod-lifecycle.html"))
        self.browser.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_LEFT)
        self.wait.until(lambda b: b.current_url.endswith("pods.html"))
        # In the search box the arrows move the cursor, not the page.
        box = self.browser.find_element(By.ID, "search")
        box.send_keys("pod", Keys.ARROW_LEFT)
        time.sleep(0.3)
        self.assertTrue(self.browser.current_url.endswith("pods.html"))

    def test_theme_toggle_switches_and_is_remembered(self):
        self.browser.get(page_url("deployment.html"))
        root = self.browser.find_element(By.TAG_NAME, "html")
        background = self.browser.execute_script(
            "return getComputedStyle(document.body).backgroundColor")
        self.browser.find_element(By.ID, "theme-toggle").click()
        first = root.get_attribute("data-theme")
        self.assertIn(first, ("light", "dark"))
        self.assertNotEqual(background, self.browser.execute_script(
            "return getComputedStyle(document.body).backgroundColor"))
        self.browser.get(page_url("services.html"))
        self.assertEqual(self.browser.find_element(By.TAG_NAME, "html").get_attribute("data-theme"),
                         first)
        self.browser.find_element(By.ID, "theme-toggle").click()
        self.assertNotEqual(
            self.browser.find_element(By.TAG_NAME, "html").get_attribute("data-theme"), first)

    def test_print_page_has_every_lesson(self):
        self.browser.get(page_url("index.html"))
        lessons = len(self.browser.find_elements(By.CSS_SELECTOR, "ol.contents a"))
        self.browser.find_element(By.CLASS_NAME, "print-link").click()
        self.wait.until(lambda b: b.current_url.endswith("print.html"))
        self.assertEqual(len(self.browser.find_elements(By.CSS_SELECTOR, "article.print-lesson")), lessons)

    def test_step_through_player(self):
        self.browser.get(page_url("deployment.html"))
        player = self.browser.find_element(By.CSS_SELECTOR, "details.player")
        count = int(player.get_attribute("data-steps"))
        self.assertGreaterEqual(count, 3)
        player.find_element(By.TAG_NAME, "summary").click()

        def visible(selector):
            return [element for element in player.find_elements(By.CSS_SELECTOR, selector)
                    if element.is_displayed()]

        def check(step):
            steps = visible(".player-step")
            self.assertEqual([int(e.get_attribute("data-step")) for e in steps],
                             list(range(1, step + 1)))
            states = visible(".player-state")
            self.assertEqual(len(states), 1, "one picture of the cluster at a time")
            # The cluster shown is the one after the step, or after the last step before
            # it that changed the cluster.
            drawn = [int(e.get_attribute("data-step"))
                     for e in player.find_elements(By.CSS_SELECTOR, ".player-state.player-state-drawn")]
            expected = max([at for at in drawn if at <= step], default=step)
            self.assertEqual(int(states[0].get_attribute("data-step")), expected)
            self.assertEqual(player.find_element(By.CLASS_NAME, "player-position").text,
                             f"第 {step} / {count} 步")
            # The cluster picture comes after the commands.
            self.assertGreater(states[0].location["y"], steps[-1].location["y"])

        self.wait.until(lambda b: visible(".player-controls"))
        check(1)
        next_button = player.find_element(By.CLASS_NAME, "player-next")
        next_button.click()
        check(2)
        # The arrow keys step the player while it has the focus; the page stays.
        next_button.send_keys(Keys.ARROW_RIGHT)
        check(3)
        next_button.send_keys(Keys.ARROW_LEFT)
        check(2)
        self.assertTrue(self.browser.current_url.endswith("deployment.html"))
        player.find_element(By.CLASS_NAME, "player-prev").click()
        player.find_element(By.CLASS_NAME, "player-prev").click()
        check(1)
        slider = player.find_element(By.CLASS_NAME, "player-slider")
        self.assertEqual(slider.get_attribute("max"), str(count))
        slider.send_keys(Keys.END)
        check(count)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.browser.execute_script("arguments[0].scrollIntoView()", player)
        self.browser.save_screenshot(str(SCREENSHOTS / "player-desktop.png"))

    def test_player_without_javascript_shows_every_step_in_order(self):
        self.browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        try:
            self.browser.get(page_url("deployment.html"))
            player = self.browser.find_element(By.CSS_SELECTOR, "details.player")
            player.find_element(By.TAG_NAME, "summary").click()
            count = int(player.get_attribute("data-steps"))
            parts = [(e.get_attribute("class").split()[0], int(e.get_attribute("data-step")))
                     for e in player.find_elements(By.CSS_SELECTOR, ".player-step, .player-state")
                     if e.is_displayed()]
            expected = [(kind, at) for at in range(1, count + 1)
                        for kind in ("player-step", "player-state")]
            self.assertEqual(parts, expected)
            self.assertFalse(player.find_element(By.CLASS_NAME, "player-controls").is_displayed())
        finally:
            self.browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})

    def test_time_to_first_result(self):
        """Types a query on a fresh page (the index script not yet loaded) and measures the
        time until the first hit is in the page; prints the figure."""
        timings = []
        for query in ("副本", "kubectl", "Deployment 滚动"):
            self.browser.get(page_url("intro.html"))
            elapsed = self.browser.execute_async_script("""
                var query = arguments[0], done = arguments[1];
                var input = document.getElementById("search");
                var box = document.getElementById("search-results");
                var start = performance.now();
                new MutationObserver(function (changes, observer) {
                  if (box.querySelector("a")) { observer.disconnect(); done(performance.now() - start); }
                }).observe(box, { childList: true, subtree: true });
                input.value = query;
                input.dispatchEvent(new Event("input"));
            """, query)
            timings.append(elapsed)
        print("\ntime to first result (ms, first query on a fresh page): "
              + ", ".join(f"{t:.1f}" for t in timings))
        self.assertLess(max(timings), 2000)


class ScreenshotTest(unittest.TestCase):
    """Three representative pages at desktop and phone width, for a person to look at."""

    PAGES = ("index.html", "deployment.html", "services.html")

    def test_screenshots(self):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for label, (width, height) in (("desktop", (1280, 900)), ("phone", (390, 844))):
            browser = start_browser(width, height, phone=label == "phone")
            try:
                for name in self.PAGES:
                    browser.get(page_url(name))
                    path = SCREENSHOTS / f"{pathlib.Path(name).stem}-{label}.png"
                    self.assertTrue(browser.save_screenshot(str(path)))
                    self.assertGreater(path.stat().st_size, 10_000)
                    # Every control of the top bar is inside the window, at both widths.
                    outside = browser.execute_script("""
                        return Array.from(document.querySelectorAll(".topbar > *"))
                          .filter(e => e.getClientRects().length > 0)
                          .filter(e => { const r = e.getBoundingClientRect();
                                         return r.left < 0 || r.right > document.documentElement.clientWidth; })
                          .map(e => e.className);
                    """)
                    self.assertEqual(outside, [], f"{name} at {label} width")
            finally:
                browser.quit()


if __name__ == "__main__":
    unittest.main(verbosity=2)
