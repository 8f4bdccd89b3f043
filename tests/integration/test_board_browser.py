#!/usr/bin/env python3
"""The board in a real browser: Debian's chromium, headless, driven by
selenium through chromium-driver, against the real feed server on
loopback.  List, filter by cluster, search, open a challenge, answer it
and see the thank-you page; the answer is then in the team's feed.  The
browser is kept off the network: it only ever talks to 127.0.0.1."""

import json
import os
import shutil
import tempfile
import unittest

from feedlib import FeedTestCase, http, organisation

try:
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:  # Debian: python3-selenium
    webdriver = None
    WebDriverException = Exception

CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def left_document(element):
    """Whether @element is gone from the page.  Chromium answers a node of
    a page being replaced with "does not belong to the document" rather
    than a stale reference, which staleness_of() lets through."""
    def check(driver):
        try:
            element.is_enabled()
        except WebDriverException:   # StaleElementReferenceException among them
            return True
        return False
    return check


def submit_and_wait(driver, button, url_part):
    """Clicks @button and waits for the next page: reading the page
    straight after a click may still find the one before."""
    before = driver.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(driver, 20).until(left_document(before))
    WebDriverWait(driver, 20).until(expected_conditions.url_contains(url_part))


def browser(width, height, profile):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-extensions",
                 "--no-proxy-server", "--user-data-dir=" + profile,
                 "--window-size=%d,%d" % (width, height)):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


@unittest.skipUnless(webdriver and os.path.exists(CHROMEDRIVER) and os.path.exists(CHROMIUM),
                     "needs chromium, chromium-driver and python3-selenium")
class BrowserTests(FeedTestCase):
    def setUp(self):
        super().setUp()
        self.srv = self.server("--title", "West Midlands open challenges",
                               "--board-intro", "Large organisations of the region need your ideas.")
        a = self.client("a")
        org = a.add("organisation", organisation("Hidden Foundry"))
        self.rail = a.add("challenge", {"organisation_id": org, "title": "Quieter rail sleepers",
                                        "description": "Sleepers that cut noise by half.", "cluster": "rail",
                                        "tags": ["noise"], "trl_min": 4, "trl_max": 7, "visibility": "public",
                                        "public_label": "A rail operator in the Black Country"})
        a.add("challenge", {"organisation_id": org, "title": "Hydrogen forklifts",
                            "description": "Forklifts for a warehouse.", "cluster": "automotive",
                            "tags": ["hydrogen"], "trl_min": 5, "trl_max": 8, "visibility": "public"})
        a.sync(self.srv.url)
        profile = tempfile.mkdtemp(prefix="ic-board-browser-")
        self.addCleanup(shutil.rmtree, profile, ignore_errors=True)
        self.driver = browser(412, 915, profile)
        self.addCleanup(self.driver.quit)
        self.driver.set_page_load_timeout(30)

    def test_list_filter_open_and_answer(self):
        d = self.driver
        d.get(self.srv.url + "/")
        self.assertIn("West Midlands open challenges", d.title)
        cards = d.find_elements(By.CSS_SELECTOR, "article.card h2 a")
        self.assertEqual({c.text for c in cards}, {"Quieter rail sleepers", "Hydrogen forklifts"})
        self.assertNotIn("Hidden Foundry", d.find_element(By.TAG_NAME, "main").text.split("Hydrogen forklifts")[0])

        Select(d.find_element(By.ID, "cluster")).select_by_visible_text("Rail")
        submit_and_wait(d, d.find_element(By.CSS_SELECTOR, "form.filter button"), "cluster=rail")
        cards = d.find_elements(By.CSS_SELECTOR, "article.card h2 a")
        self.assertEqual([c.text for c in cards], ["Quieter rail sleepers"])
        self.assertIn("cluster=rail", d.current_url)

        d.find_element(By.ID, "q").clear()
        Select(d.find_element(By.ID, "cluster")).select_by_visible_text("All clusters")
        d.find_element(By.ID, "q").send_keys("forklifts")
        submit_and_wait(d, d.find_element(By.CSS_SELECTOR, "form.filter button"), "q=forklifts")
        self.assertEqual([c.text for c in d.find_elements(By.CSS_SELECTOR, "article.card h2 a")],
                         ["Hydrogen forklifts"])

        d.get(self.srv.url + "/")
        submit_and_wait(d, d.find_element(By.LINK_TEXT, "Quieter rail sleepers"), "/challenges/" + self.rail)
        self.assertTrue(d.current_url.endswith("/challenges/" + self.rail))
        self.assertEqual(d.find_element(By.TAG_NAME, "h1").text, "Quieter rail sleepers")
        self.assertIn("A rail operator in the Black Country", d.page_source)
        self.assertNotIn("Hidden Foundry", d.page_source)
        # The hidden field is not there for a person to see.
        self.assertFalse(d.find_element(By.ID, "website").is_displayed())

        d.find_element(By.ID, "organisation").send_keys("Quiet Track Ltd")
        d.find_element(By.ID, "contact_name").send_keys("Sam Rivers")
        d.find_element(By.ID, "email").send_keys("sam@quiettrack.example")
        d.find_element(By.ID, "answer").send_keys("We make rubber pads that halve sleeper noise.")
        d.find_element(By.ID, "consent").click()
        submit_and_wait(d, d.find_element(By.CSS_SELECTOR, "form.respond button"), "/thanks")

        self.assertTrue(d.current_url.endswith("/challenges/%s/thanks" % self.rail), d.current_url)
        self.assertIn("Thank you", d.find_element(By.TAG_NAME, "h1").text)

        code, _, body = http("GET", self.srv.url + "/v1/changes?since=0", self.token)
        responses = [c["record"] for c in json.loads(body)["changes"] if c["kind"] == "response"]
        self.assertEqual(len(responses), 1)
        self.assertEqual(responses[0]["organisation"], "Quiet Track Ltd")
        self.assertEqual(responses[0]["challenge_id"], self.rail)

    def test_a_form_left_unfilled_is_not_sent(self):
        d = self.driver
        d.get(self.srv.url + "/challenges/" + self.rail)
        d.find_element(By.CSS_SELECTOR, "form.respond button").click()
        # The browser holds it back (required fields): still on the page.
        self.assertTrue(d.current_url.endswith("/challenges/" + self.rail))
        code, _, body = http("GET", self.srv.url + "/v1/changes?since=0", self.token)
        self.assertFalse([c for c in json.loads(body)["changes"] if c["kind"] == "response"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
