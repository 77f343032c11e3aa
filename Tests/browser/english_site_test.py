"""An English course in a real browser: the starter course of `kubebook init --language en`.

Run by scripts/browser-test with the kubebook binary in KUBEBOOK. Checks that the pages say
lang="en", that the page chrome, the search results and the player speak English, and that
the start of a word finds the page it is in (case-folded: `ROLL` finds `rollout`).
"""

import os
import pathlib
import subprocess
import tempfile
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from site_test import start_browser


class EnglishSiteTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.TemporaryDirectory()
        root = pathlib.Path(cls.directory.name)
        course = root / "course"
        kubebook = os.environ["KUBEBOOK"]
        subprocess.run([kubebook, "init", str(course), "--language", "en"], check=True)
        cls.site = root / "site"
        subprocess.run([kubebook, "build", str(course), "-o", str(cls.site)], check=True)
        cls.browser = start_browser(1280, 900)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        cls.directory.cleanup()

    def open(self, name):
        self.browser.get((self.site / name).as_uri())

    def search(self, query):
        box = self.browser.find_element(By.ID, "search")
        box.clear()
        box.send_keys(query)
        results = self.browser.find_element(By.ID, "search-results")
        WebDriverWait(self.browser, 5).until(lambda _: results.is_displayed())
        return results

    def test_the_pages_are_english(self):
        self.open("first-lesson.html")
        html = self.browser.find_element(By.TAG_NAME, "html")
        self.assertEqual(html.get_attribute("lang"), "en")
        box = self.browser.find_element(By.ID, "search")
        self.assertEqual(box.get_attribute("placeholder"), "Search (press s)")
        self.assertEqual(self.browser.find_element(By.CLASS_NAME, "print-link").text, "Print")
        # The theme button's label comes from the page script.
        self.assertIn(self.browser.find_element(By.ID, "theme-toggle").text, ("Dark", "Light"))
        # The player's position is written by the page script too.
        position = self.browser.find_element(By.CLASS_NAME, "player-position")
        self.browser.find_element(By.CSS_SELECTOR, "details.player > summary").click()
        self.assertEqual(position.text, "Step 1 of 3")
        self.assertNotRegex(self.browser.page_source, "[\u4e00-\u9fff]")

    def test_a_word_prefix_finds_the_page(self):
        self.open("index.html")
        results = self.search("ROLL")
        hits = results.find_elements(By.CLASS_NAME, "search-hit")
        self.assertTrue(any(hit.get_attribute("href").endswith("first-lesson.html") for hit in hits))
        self.assertRegex(results.find_element(By.CLASS_NAME, "search-summary").text, r"^\d+ found$")
        # The middle of a word is not a word's start.
        results = self.search("ollout")
        self.assertEqual(results.find_element(By.CLASS_NAME, "search-summary").text, "Nothing found for “ollout”")


@unittest.skipUnless(os.environ.get("KUBEBOOK_GUIDE_SITE"), "KUBEBOOK_GUIDE_SITE names no built guide")
class GuideSiteTest(unittest.TestCase):
    """The kubebook Guide (guide/, built by scripts/test): an English site with its own config."""

    @classmethod
    def setUpClass(cls):
        cls.site = pathlib.Path(os.environ["KUBEBOOK_GUIDE_SITE"]).resolve()
        cls.browser = start_browser(1280, 900)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()

    def test_the_guide_is_english_and_searchable(self):
        self.browser.get((self.site / "index.html").as_uri())
        self.assertEqual(self.browser.find_element(By.TAG_NAME, "html").get_attribute("lang"), "en")
        self.assertIn("The kubebook Guide", self.browser.title)
        box = self.browser.find_element(By.ID, "search")
        box.send_keys("bless")
        results = self.browser.find_element(By.ID, "search-results")
        WebDriverWait(self.browser, 5).until(lambda _: results.is_displayed())
        hits = results.find_elements(By.CLASS_NAME, "search-hit")
        self.assertTrue(any(hit.get_attribute("href").endswith("checking.html") for hit in hits))
        shots = os.environ.get("KUBEBOOK_SCREENSHOTS")
        if shots:
            pathlib.Path(shots).mkdir(parents=True, exist_ok=True)
            self.browser.get((self.site / "scenarios.html").as_uri())
            self.browser.save_screenshot(str(pathlib.Path(shots) / "guide-scenarios.png"))


if __name__ == "__main__":
    unittest.main()
