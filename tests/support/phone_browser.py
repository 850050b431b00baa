"""A phone's browser for the citizens' page: Debian's chromium driven by chromium-driver (Selenium), headless, at a
phone's size, with a fixed position (DevTools' geolocation override) and, when asked, Chromium's fake camera."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.support.wait import WebDriverWait

PHONE = {"width": 360, "height": 780, "deviceScaleFactor": 2, "mobile": True}


def chromium_or_skip() -> tuple[str, str]:
    """Debian's chromium and its driver; without them, skipped on a developer's machine (`./dev test` installs
    them) and failed under CI."""
    browser, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if browser is None or driver is None:
        reason = "Debian's chromium and chromium-driver are not installed (./dev test installs them)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return browser, driver


@contextmanager
def phone(
    language: str = "en", position: tuple[float, float, float] | None = None, camera: bool = False
) -> Iterator[WebDriver]:
    """`position`: (lat, lon, accuracy in metres) the page's Geolocation API gets; `camera`: a fake camera that
    getUserMedia may open without asking (Chromium's moving test pattern)."""
    browser, driver = chromium_or_skip()
    options = Options()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=360,780", f"--lang={language}"):  # fmt: skip
        options.add_argument(argument)
    if camera:
        options.add_argument("--use-fake-device-for-media-stream")
        options.add_argument("--use-fake-ui-for-media-stream")
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    session = webdriver.Chrome(service=Service(driver), options=options)
    try:
        session.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
        if position is not None:
            session.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["geolocation"]})
            lat, lon, accuracy = position
            session.execute_cdp_cmd(
                "Emulation.setGeolocationOverride", {"latitude": lat, "longitude": lon, "accuracy": accuracy}
            )
        yield session
    finally:
        session.quit()


def wait_for(session: WebDriver, check: Any, timeout_s: float = 20.0) -> Any:
    """What `check(session)` returns once truthy (Selenium's own wait: no sleep)."""
    return WebDriverWait(session, timeout_s, poll_frequency=0.1).until(check)
