"""Sending the link to the caller's phone: the centre's own SMS gateway, as a command (`--sms-command 'CMD
{number} {text}'`, run without a shell: each word is one argument) or an HTTP webhook (`--sms-webhook URL`,
POSTed `{"to": number, "text": text}`); the demo writes what it would send to its log."""

from __future__ import annotations

import asyncio
import logging
import shlex
from dataclasses import dataclass

import httpx

from dispatchd.citizen.links import masked

log = logging.getLogger("dispatchd.citizen")

WORDS = {
    "en": "Command centre, incident {number}: send us your photos, videos and location here: {url} "
    "(valid until {until} UTC)",
    "fr": "Centre d'information et de commandement, intervention {number} : envoyez-nous vos photos, vidéos et "
    "votre position ici : {url} (valable jusqu'à {until} UTC)",
}


class SmsFailed(Exception):
    """The gateway did not take the message; the sentence says why."""


def message(language: str, incident_number: str, url: str, until: str) -> str:
    return WORDS.get(language, WORDS["en"]).format(number=incident_number, url=url, until=until)


def command_words(template: str, number: str, text: str) -> list[str]:
    """The command's arguments: `{number}` and `{text}` replaced inside each word (never through a shell)."""
    return [word.replace("{number}", number).replace("{text}", text) for word in shlex.split(template)]


@dataclass(frozen=True, slots=True)
class SmsGateway:
    command: str | None = None
    webhook: str | None = None
    demo: bool = False
    timeout_s: float = 10.0

    @property
    def configured(self) -> bool:
        return bool(self.command or self.webhook or self.demo)

    async def send(self, number: str, text: str) -> str:
        """Send; returns how (`sms`, `webhook`, `log`), or raises SmsFailed."""
        if self.command:
            return await self._run(number, text)
        if self.webhook:
            try:
                async with httpx.AsyncClient(timeout=self.timeout_s) as client:
                    answer = await client.post(self.webhook, json={"to": number, "text": text})
            except httpx.HTTPError as error:
                raise SmsFailed(f"the SMS webhook could not be reached ({type(error).__name__})") from error
            if answer.status_code >= 300:
                raise SmsFailed(f"the SMS webhook answered {answer.status_code}")
            return "webhook"
        if self.demo:
            log.info("demo: SMS to %s (not sent, no gateway in the demo): %s", masked(number), text)
            return "log"
        raise SmsFailed("this centre has no SMS gateway (--sms-command or --sms-webhook): copy the link")

    async def _run(self, number: str, text: str) -> str:
        assert self.command is not None
        words = command_words(self.command, number, text)
        try:
            process = await asyncio.create_subprocess_exec(
                *words, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE
            )
        except OSError as error:
            raise SmsFailed(f"the SMS command could not start: {error.strerror}") from error
        try:
            _out, err = await asyncio.wait_for(process.communicate(), self.timeout_s)
        except TimeoutError as error:
            process.kill()
            raise SmsFailed(f"the SMS command did not finish within {self.timeout_s:g} s") from error
        if process.returncode != 0:
            last = err.decode(errors="replace").strip().splitlines()[-1:] or [""]
            raise SmsFailed(f"the SMS command failed (exit {process.returncode}) {last[0]}".strip())
        log.info("SMS to %s handed to the gateway command", masked(number))
        return "sms"
