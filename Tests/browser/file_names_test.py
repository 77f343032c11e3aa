"""Lesson file names that look like URL schemes or hold URL characters, in a real browser.

Run by scripts/browser-test with the kubebook binary in KUBEBOOK. Builds a course whose
lessons are named `javascript:alert(1).md`, `JavaScript:…`, `vbscript:…`, `data:…`, and with
`?`, `#`, `%`, a space, Chinese and a folder; then follows the index, the pager (click and
→ key) and the sidebar in headless Chromium: no script runs (no alert), each link opens the
lesson it names, and every sidebar link names a file of the site.
"""

import os
import pathlib
import subprocess
import tempfile
import time
import unittest
import urllib.parse

from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from site_test import start_browser

NAMES = ["javascript:alert(1).md", "JavaScript:alert(2).md", "vbscript:msgbox(3).md", "data:text.md",
         "a?b.md", "c#d.md", "sp%20ace.md", "s p.md", "中文.md", "sub/x:y.md"]


class FileNamesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.TemporaryDirectory()
        root = pathlib.Path(cls.directory.name)
        content = root / "content"
        entries = ["- [Intro](intro.md)"]
        (content / "sub").mkdir(parents=True)
        (content / "intro.md").write_text("# Intro\n\n[evil](./javascript:alert(1).md)\n", encoding="utf-8")
        for index, name in enumerate(NAMES):
            link = "../intro.md" if "/" in name else "intro.md"
            (content / name).write_text(f"# Page {index}\n\n[intro]({link})\n", encoding="utf-8")
            entries.append(f"- [Page {index}](<{name.replace('%', '%25').replace('#', '%23').replace('?', '%3F')}>)")
        (content / "SUMMARY.md").write_text("# Names\n\n" + "\n".join(entries) + "\n", encoding="utf-8")
        cls.site = root / "site"
        subprocess.run([os.environ["KUBEBOOK"], "build", str(content), "-o", str(cls.site)], check=True)
        cls.browser = start_browser(1280, 900)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        cls.directory.cleanup()

    def open(self, name):
        self.browser.get((self.site / name).as_uri())

    def assert_lands_on(self, title):
        time.sleep(0.3)
        try:
            alert = self.browser.switch_to.alert
            text = alert.text
            alert.accept()
            self.fail(f"a script ran: alert({text})")
        except NoAlertPresentException:
            pass
        self.assertEqual(self.browser.title, f"{title} - Names")

    def test_the_index_pager_and_sidebar_open_the_lessons(self):
        self.open("index.html")
        self.browser.find_element(By.LINK_TEXT, "Page 0").click()
        self.assert_lands_on("Page 0")
        self.open("intro.html")
        self.browser.find_element(By.CSS_SELECTOR, 'a[rel="next"]').click()
        self.assert_lands_on("Page 0")
        self.open("intro.html")
        self.browser.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)
        self.assert_lands_on("Page 0")
        self.open("intro.html")
        self.browser.find_element(By.LINK_TEXT, "evil").click()
        self.assert_lands_on("Page 0")
        self.open("intro.html")
        self.browser.find_element(By.CSS_SELECTOR, "#sidebar").find_element(By.LINK_TEXT, "Page 1").click()
        self.assert_lands_on("Page 1")
        for index in range(len(NAMES) - 1):
            self.open("index.html")
            self.browser.find_element(By.LINK_TEXT, f"Page {index}").click()
            self.assert_lands_on(f"Page {index}")
            self.browser.find_element(By.CSS_SELECTOR, 'a[rel="next"]').click()
            self.assert_lands_on(f"Page {index + 1}")

    def test_every_sidebar_link_names_a_file(self):
        for page in ("intro.html", "sub/x:y.html"):
            self.open(page)
            links = [a.get_attribute("href") for a in self.browser.find_elements(By.CSS_SELECTOR, "#sidebar a")]
            self.assertEqual(len(links), len(NAMES) + 1)
            for link in links:
                self.assertTrue(link.startswith("file://"), link)
                path = pathlib.Path(urllib.parse.unquote(urllib.parse.urlparse(link).path))
                self.assertTrue(path.is_file(), f"{link} on {page}")


if __name__ == "__main__":
    unittest.main(verbosity=2)
