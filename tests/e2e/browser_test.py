"""End-to-end test in headless Chromium: a visitor searches an occupation, opens it, logs in
as the demo worker, sees the passport, makes a share link, logs out and opens that link as an
employer would. axe-core checks every page visited; serious or critical
violations fail the test. A policy analyst uploads microdata (INSIGHT_CSV and INSIGHT_BAD_CSV,
made by scripts/test), follows the run and reads the report.
Usage: browser_test.py BASE_URL [SCREENSHOT_DIR]"""
import os
import re
import sys
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import Select, WebDriverWait
from selenium.webdriver.support import expected_conditions as EC
from selenium.common.exceptions import WebDriverException
from selenium_axe_python import Axe

BASE = sys.argv[1].rstrip("/")
SHOTS = sys.argv[2] if len(sys.argv) > 2 else None
INSIGHT_CSV = os.environ.get("INSIGHT_CSV")
INSIGHT_BAD_CSV = os.environ.get("INSIGHT_BAD_CSV")
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def wait(driver):
    """A 15-second wait that treats any WebDriver error as "not yet": while a form post replaces
    the page, reading an element can fail with a stale element or a missing execution context."""
    return WebDriverWait(driver, 15, ignored_exceptions=(WebDriverException,))


def wait_for_heading(driver, text):
    """Waits until the page's h1 reads `text` (a form post navigates asynchronously)."""
    wait(driver).until(lambda d: text in d.find_element(By.TAG_NAME, "h1").text)


def log_out(driver):
    driver.find_element(By.CSS_SELECTOR, "header form button").click()
    wait(driver).until(EC.presence_of_element_located((By.LINK_TEXT, "Inloggen")))


def log_in(driver, email):
    driver.get(BASE + "/inloggen")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys("loopbrug-demo")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait_for_heading(driver, "Welkom")


def fetch_status(driver, url):
    """The HTTP status and content type of a GET in the browser's session."""
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done([r.status, r.headers.get('content-type')]))"
        ".catch(e => done([0, String(e)]));", url)


def return_paths(driver):
    """?terug= after a language switch: a tab that the browser drops must not lead off-site, and
    an encoded CR LF must not add a header (read from the raw HTTP answer, not through the browser)."""
    driver.get(BASE + "/taal/en?terug=/%09/evil.example")
    check(driver.current_url.startswith(BASE + "/"), f"a tab in terug= stays on the site: {driver.current_url}")
    driver.get(BASE + "/taal/nl?terug=%2Fberoepen")
    check(driver.current_url == BASE + "/beroepen", f"a same-site terug= is followed: {driver.current_url}")
    from urllib.parse import urlsplit
    import http.client
    host = urlsplit(BASE)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
    conn.request("GET", "/taal/en?terug=/%0d%0aSet-Cookie:%20x=1")
    answer = conn.getresponse()
    cookies = answer.msg.get_all("Set-Cookie") or []
    check(not any(c.startswith("x=") for c in cookies), f"CR LF in terug= plants no cookie: {cookies}")
    check(answer.getheader("Location") == "/", f"CR LF in terug= goes home: {answer.getheader('Location')}")
    conn.close()


def admin_uploads_bad_courses(driver):
    """A course file with two bad rows: nothing changes, and each row's problem is named in Dutch."""
    path = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"cursussen-{os.getpid()}.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("id,title,provider,skills,hours,cost_eur,format,place,start_dates\n"
                "c1,Kassa,Leerhuis,http://data.europa.eu/esco/skill/nope,0,10,online,,\n"
                "c2,Kassa,Leerhuis,,8,10,thuis,Atlantis,\n")
    try:
        Select(driver.find_element(By.ID, "table")).select_by_value("courses")
        driver.find_element(By.ID, "file").send_keys(path)
        driver.find_element(By.CSS_SELECTOR, "form.box button[type=submit]").click()
        wait(driver).until(lambda d: "Er is niets veranderd" in d.page_source)
        cells = [c.text for c in driver.find_elements(By.CSS_SELECTOR, "table.stack tbody td")]
        check(any(c.endswith("is geen vaardigheid uit ESCO") for c in cells), f"the unknown skill is named in Dutch: {cells}")
        check(not any("is outside" in c or "must be" in c for c in cells), f"no English on the Dutch page: {cells}")
        audit(driver, "21b-admin-career-problems")
    finally:
        os.remove(path)


def insight(driver):
    """The analyst's page: a bad file names its line and column; a good one runs with progress
    and ends in the report (no count under 10), with the PDF; other roles cannot open it."""
    log_in(driver, "analyst@demo.loopbrug.nl")
    driver.find_element(By.LINK_TEXT, "Analyse").click()
    wait_for_heading(driver, "Kwetsbare werkenden in je gemeente")
    audit(driver, "22-insight-start")
    driver.find_element(By.ID, "file").send_keys(INSIGHT_BAD_CSV)
    driver.find_element(By.CSS_SELECTOR, "form.box button[type=submit]").click()
    wait(driver).until(lambda d: "is niet geanalyseerd" in d.page_source)
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "main ul li")]
    check(any(r.startswith("Regel 3, kolom age:") for r in rows), f"the bad age on line 3 is named: {rows}")
    check("Er is niets bewaard" in driver.page_source, "a bad file is not kept")
    audit(driver, "23-insight-problems")

    driver.get(BASE + "/analyse")
    driver.find_element(By.ID, "file").send_keys(INSIGHT_CSV)
    driver.find_element(By.ID, "keep").click()
    driver.find_element(By.CSS_SELECTOR, "form.box button[type=submit]").click()
    wait(driver).until(lambda d: "/analyse/" in d.current_url)
    if driver.find_elements(By.TAG_NAME, "progress"):
        audit(driver, "24-insight-progress")
    WebDriverWait(driver, 300, ignored_exceptions=(WebDriverException,)).until(
        lambda d: len(d.find_elements(By.LINK_TEXT, "Download als PDF")) == 1)
    check(driver.find_element(By.TAG_NAME, "h1").text.startswith("Kwetsbare werkenden in"), "the report has its title")
    check(len(driver.find_elements(By.CSS_SELECTOR, ".report section")) >= 2, "the report shows the clusters")
    counts = [c.text for c in driver.find_elements(By.CSS_SELECTOR, ".report td.n") if re.fullmatch(r"[0-9.]+", c.text)]
    small = [c for c in counts if int(c.replace(".", "")) < 10]
    check(counts and not small, f"no count under 10 in the report's tables ({len(counts)} counts, small: {small[:5]})")
    check("Het bestand is bewaard" in driver.page_source, "the ticked file is kept")
    audit(driver, "25-insight-report")
    run_url = driver.current_url
    pdf = driver.find_element(By.LINK_TEXT, "Download als PDF").get_attribute("href")
    status = fetch_status(driver, pdf)
    check(status[0] == 200 and "application/pdf" in status[1], f"the report downloads as a PDF: {status}")
    driver.get(BASE + "/analyse")
    check(len(driver.find_elements(By.CSS_SELECTOR, "select#source option")) >= 2, "the kept file can be chosen for a new run")
    audit(driver, "26-insight-list")
    log_out(driver)
    log_in(driver, "admin@demo.loopbrug.nl")
    check(fetch_status(driver, run_url)[0] == 403, "an admin cannot open the analyst's report")
    check(fetch_status(driver, pdf)[0] == 403, "an admin cannot download the analyst's PDF")
    log_out(driver)


def audit(driver, name):
    """Runs axe-core on the current page; records serious and critical violations."""
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    for v in bad:
        failures.append(f"axe {name}: {v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}")
        print("AXE:", name, v["id"], v["impact"], v["help"])
    if SHOTS:
        driver.save_screenshot(f"{SHOTS}/{name}.png")
    print(f"page {name}: {driver.title!r}, {len(results['violations'])} axe findings, {len(bad)} serious/critical")


options = Options()
for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=412,1400"]:
    options.add_argument(arg)
# Debian's chromium and chromedriver, named explicitly so Selenium never tries to download a browser.
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(options=options, service=Service(executable_path="/usr/bin/chromedriver"))
try:
    # Home page: the three sentences and the search box.
    driver.get(BASE + "/")
    check("Loopbrug bewaart al je werk op één plek" in driver.page_source, "home page explains Loopbrug in Dutch")
    audit(driver, "01-home")

    # Search an occupation with a typo and a missing diacritic.
    box = driver.find_element(By.ID, "q")
    box.send_keys("kassiere")
    box.submit()
    first = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol.results li a")))
    check(first.text == "kassamedewerker", f"first result for 'kassiere' is kassamedewerker, got {first.text!r}")
    audit(driver, "02-search")

    # Open the occupation page.
    first.click()
    wait_for_heading(driver, "kassamedewerker")
    check(driver.find_element(By.TAG_NAME, "h1").text == "kassamedewerker", "occupation page heading")
    check("Vaardigheden" in driver.page_source, "occupation page lists skills")
    audit(driver, "03-occupation")

    # The occupation explorer: where people in this occupation can go.
    driver.find_element(By.LINK_TEXT, "Waar kun je vanuit dit beroep heen?").click()
    wait_for_heading(driver, "Overstappen vanuit kassamedewerker")
    check(len(driver.find_elements(By.CSS_SELECTOR, "ol.results > li")) >= 10, "the explorer lists at least 10 targets")
    check("belangrijke vaardigheden" in driver.page_source, "each target says how many key skills are there already")
    audit(driver, "03b-explorer")
    driver.back()
    wait_for_heading(driver, "kassamedewerker")

    # Switch to English and back.
    driver.find_element(By.LINK_TEXT, "English").click()
    wait_for_heading(driver, "cashier")
    check(driver.find_element(By.TAG_NAME, "h1").text == "cashier", "English occupation page heading")
    audit(driver, "04-occupation-en")
    driver.find_element(By.LINK_TEXT, "Nederlands").click()
    wait_for_heading(driver, "kassamedewerker")

    # Log in as the demo worker.
    driver.find_element(By.LINK_TEXT, "Inloggen").click()
    wait_for_heading(driver, "Inloggen")
    audit(driver, "05-login")
    driver.find_element(By.ID, "email").send_keys("worker@demo.loopbrug.nl")
    driver.find_element(By.ID, "password").send_keys("loopbrug-demo")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait_for_heading(driver, "Welkom")
    check(driver.find_element(By.TAG_NAME, "h1").text == "Welkom, Samira de Vries", "account page after login")
    cookie = driver.get_cookie("loopbrug_session")
    check(cookie is not None and cookie.get("httpOnly") is True, "session cookie is HttpOnly")
    check(cookie is not None and cookie.get("sameSite") == "Lax", "session cookie is SameSite=Lax")
    audit(driver, "06-account")

    # The passport: the demo platforms' signed records, then a share link for all of them.
    driver.find_element(By.LINK_TEXT, "Mijn paspoort").click()
    wait_for_heading(driver, "Mijn werkpaspoort")
    check("Bevestigd door Schoonmaak Direct (demo)" in driver.page_source, "the demo platform's record is confirmed")
    audit(driver, "10-passport")
    driver.find_element(By.LINK_TEXT, "Delen en KlusCV").click()
    wait_for_heading(driver, "Delen en KlusCV")
    audit(driver, "11-share")
    driver.find_element(By.ID, "label").send_keys("Uitzendbureau")
    driver.find_element(By.CSS_SELECTOR, "form.box button[type=submit]").click()
    link = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "li.record input.token")))
    share_url = link.get_attribute("value")
    check(share_url.startswith(BASE + "/v/"), f"the share link points to the verification page: {share_url}")
    check(len(driver.find_elements(By.PARTIAL_LINK_TEXT, "Download KlusCV")) == 1, "the KlusCV can be downloaded")
    audit(driver, "12-share-made")
    # Where can I go? Occupations within reach of the passport, with the gap and courses.
    driver.find_element(By.LINK_TEXT, "Waar kan ik naartoe?").click()
    wait_for_heading(driver, "Waar kan ik naartoe?")
    targets = driver.find_elements(By.CSS_SELECTOR, "ol.results > li")
    check(len(targets) == 10, f"ten occupations within reach, got {len(targets)}")
    check("Je hebt al" in driver.page_source and "Nog te leren" in driver.page_source, "each target shows what is there and what to learn")
    check("(demo)" in driver.page_source, "demo courses and shortage rows carry a demo label")
    audit(driver, "15-paths")

    # Work that fits: the demo wishes already give matches, each with its sentence.
    driver.find_element(By.LINK_TEXT, "Werk dat past").click()
    wait_for_heading(driver, "Werk dat past")
    check("van de 7 vaardigheden" in driver.page_source, "a match explains itself in one sentence")
    audit(driver, "16-work")
    # Impossible wishes: 0 hours is refused with a message by the field, nothing is saved.
    hours = driver.find_element(By.ID, "maxHours")
    hours.clear()
    hours.send_keys("0")
    home = driver.find_element(By.ID, "home")
    home.clear()
    home.send_keys("Almeer")
    driver.find_element(By.CSS_SELECTOR, "form[action='/werk/wensen'] button[type=submit]").click()
    wait(driver).until(lambda d: "Er klopt iets niet" in d.page_source)
    check("Vul een aantal uren per week in" in driver.page_source, "0 hours is refused by the hours field")
    check("Bedoel je: Almere" in driver.page_source, "an unknown place suggests a known one")
    audit(driver, "17-work-errors")
    hours = driver.find_element(By.ID, "maxHours")
    hours.clear()
    hours.send_keys("32")
    home = driver.find_element(By.ID, "home")
    home.clear()
    home.send_keys("Lelystad")
    driver.find_element(By.CSS_SELECTOR, "form[action='/werk/wensen'] button[type=submit]").click()
    wait(driver).until(lambda d: "Je wensen zijn bewaard" in d.page_source)
    check(len(driver.find_elements(By.CSS_SELECTOR, "ol.results > li")) > 0, "new wishes give matches")
    check("Lelystad" in driver.page_source, "matches are near the new home")

    # Leermiles: the balance, the projection with its chart, a course tip reserved (it waits for the
    # demo fund's approval), and the yearly statement as PDF and CSV.
    driver.find_element(By.LINK_TEXT, "Leermiles").click()
    wait_for_heading(driver, "Mijn leermiles")
    spendable = driver.find_element(By.CSS_SELECTOR, "[data-testid=spendable]").text
    check(spendable.isdigit() and int(spendable) > 0, f"the demo worker has leermiles to spend, got {spendable!r}")
    check("komen er ongeveer" in driver.find_element(By.CSS_SELECTOR, "[data-testid=projection]").text, "the overview projects the next 12 months")
    check(len(driver.find_elements(By.CSS_SELECTOR, "svg.chart rect")) == 12, "the month chart has twelve bars")
    audit(driver, "30-leermiles")
    tips = driver.find_elements(By.XPATH, "//li[contains(., 'Het fonds geeft eerst akkoord')]//button")
    check(len(tips) > 0, "a course tip can be paid with the demo fund's points, after approval")
    if tips:
        tips[0].click()
        wait(driver).until(lambda d: "staan apart voor" in d.page_source)
        check("Het fonds moet nog akkoord geven" in driver.page_source, "the reservation waits for the fund")
        check(len(driver.find_elements(By.XPATH, "//button[contains(., 'Annuleren en punten terug')]")) == 1, "the reservation can be cancelled")
        audit(driver, "31-leermiles-reserved")
    pdf = driver.find_element(By.PARTIAL_LINK_TEXT, "(PDF)").get_attribute("href")
    status = fetch_status(driver, pdf)
    check(status[0] == 200 and status[1] == "application/pdf", f"the yearly statement downloads as PDF: {status}")
    status = fetch_status(driver, pdf.replace(".pdf", ".csv"))
    check(status[0] == 200 and status[1].startswith("text/csv"), f"the yearly statement downloads as CSV: {status}")

    driver.get(BASE + "/account/verwijderen")
    wait_for_heading(driver, "Account verwijderen")
    audit(driver, "13-delete-account")

    # Log out.
    log_out(driver)
    check(len(driver.find_elements(By.LINK_TEXT, "Inloggen")) == 1, "logged out: the login link is back")
    driver.get(BASE + "/account")
    check("/inloggen" in driver.current_url, "after logout /account sends to the login page")

    # An employer opens the link: every record with its live status.
    driver.get(share_url)
    wait_for_heading(driver, "Werk van Samira de Vries")
    check(len(driver.find_elements(By.CSS_SELECTOR, "[data-status=valid]")) == 4, "four records confirmed right now")
    audit(driver, "14-public-view")

    # The sign-up page is part of the shell too.
    driver.get(BASE + "/registreren")
    audit(driver, "07-register")

    # An employer posts a short job in two steps and searches people who chose to be found.
    log_in(driver, "employer@demo.loopbrug.nl")
    driver.find_element(By.LINK_TEXT, "Vacatures").click()
    wait_for_heading(driver, "Vacatures en klussen")
    audit(driver, "18-employer")
    driver.find_element(By.ID, "occupation").send_keys("schoonmaker")
    driver.find_element(By.CSS_SELECTOR, "form[action='/werkgever/vacatures'] button[type=submit]").click()
    wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "input[name='skills[]']")) > 0)
    check(all(b.is_selected() for b in driver.find_elements(By.CSS_SELECTOR, "input[name='skills[]']")), "the occupation's skills come ticked")
    audit(driver, "19-employer-skills")
    driver.find_element(By.ID, "title").send_keys("Schoonmaak kantoor Almere")
    driver.find_element(By.ID, "hoursMin").send_keys("8")
    driver.find_element(By.ID, "hoursMax").send_keys("16")
    driver.find_element(By.ID, "place").send_keys("Almere")
    driver.execute_script("document.getElementById('start').value = '2027-02-01'")
    driver.find_element(By.CSS_SELECTOR, "form[action='/werkgever/vacatures'] button[type=submit]").click()
    wait(driver).until(lambda d: "staat nu open" in d.page_source)
    check("Schoonmaak kantoor Almere" in driver.page_source, "the new vacancy is listed")
    driver.find_element(By.LINK_TEXT, "Mensen zoeken").click()
    wait_for_heading(driver, "Mensen zoeken op vaardigheden")
    driver.find_element(By.ID, "beroep").send_keys("schoonmaker")
    driver.find_element(By.CSS_SELECTOR, "form[role=search] button[type=submit]").click()
    wait(driver).until(lambda d: "Kandidaat 1" in d.page_source)
    check("Samira" not in driver.page_source, "the competence search never shows a name")
    audit(driver, "20-employer-search")
    log_out(driver)

    # The demo coach acts for the demo cleaning platform's fund: totals with small groups as x, and
    # the worker's reservation waiting for approval, without the worker's name.
    log_in(driver, "coach@demo.loopbrug.nl")
    driver.find_element(By.LINK_TEXT, "Leerfonds").click()
    wait_for_heading(driver, "Leerfonds")
    check("Schoonmaak Direct (demo)" in driver.page_source, "the fund page names the fund")
    check("Samira" not in driver.page_source, "the fund page never names a worker who did not consent")
    audit(driver, "32-fund")
    approve = driver.find_elements(By.XPATH, "//button[contains(., 'Goedkeuren')]")
    check(len(approve) == 1, f"one request waits for approval, got {len(approve)}")
    if approve:
        approve[0].click()
        wait(driver).until(lambda d: "Goedgekeurd." in d.page_source)
        check("Er wacht niets op je goedkeuring" in driver.page_source, "nothing waits after approving")
    log_out(driver)
    log_in(driver, "employer@demo.loopbrug.nl")
    driver.get(BASE + "/fonds")
    check("nog niet gekoppeld" in driver.page_source, "an employer not linked to a fund is told so")
    log_out(driver)

    if INSIGHT_CSV:
        insight(driver)

    return_paths(driver)

    # The pages of the other roles: an issuer's API keys and the admin overview.
    for email, path, name in [("issuer@demo.loopbrug.nl", "/account/sleutels", "08-tokens"),
                              ("issuer@demo.loopbrug.nl", "/account/werkbewijzen", "08-upload"),
                              ("worker@demo.loopbrug.nl", "/account/wachtwoord", "36-password"),
                              ("admin@demo.loopbrug.nl", "/beheer", "09-admin"),
                              ("admin@demo.loopbrug.nl", "/beheer/loopbaan", "21-admin-career")]:
        log_in(driver, email)
        driver.get(BASE + path)
        check(driver.find_element(By.TAG_NAME, "h1").text in ("API-sleutels", "Werkbewijzen uploaden", "Wachtwoord veranderen", "Beheer", "Tekortberoepen, cursussen en vacatures"), f"{path} opens for {email}")
        audit(driver, name)
        if name == "21-admin-career":
            admin_uploads_bad_courses(driver)
        log_out(driver)
finally:
    driver.quit()

if failures:
    print(f"browser test: {len(failures)} failure(s)")
    sys.exit(1)
print("browser test: all checks passed")
