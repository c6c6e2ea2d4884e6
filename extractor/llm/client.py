"""One code path to every backend: openai's client with instructor, retries, cache and usage."""

from __future__ import annotations

import asyncio
import logging
import weakref
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from pydantic import BaseModel, ValidationError

from extractor.errors import BackendError
from extractor.llm.cache import ResponseCache, request_key
from extractor.llm.metering import charge
from extractor.llm.retry import RequestDeadlineError, transport_retrying
from extractor.llm.urls import without_password

Model = TypeVar("Model", bound=BaseModel)
Message = dict[str, str]

SCHEMA_REPAIRS = 1
"""How many times instructor may send a malformed or invalid answer back to the model."""


class TruncatedAnswerError(BackendError):
    """The model hit max_tokens twice, even with the larger budget."""


class InvalidAnswerError(BackendError):
    """The model's answer did not fit the response schema, even after instructor's repair."""


LOGGED_LIBRARIES = frozenset({"instructor", "openai", "httpx", "httpx2"})
"""The libraries we call that log raw errors, requests included."""

logging.getLogger("instructor").addHandler(logging.NullHandler())


class _RedactSecret(logging.Filter):
    """Replaces one client's secret in the log records of the libraries it calls."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret in message:
            record.msg, record.args = message.replace(self.secret, "***"), None
        return True


def _library_loggers() -> list[logging.Logger]:
    """The loggers of LOGGED_LIBRARIES that exist now, parents and children."""
    names = [*logging.root.manager.loggerDict]
    return [logging.getLogger(n) for n in names if n.split(".")[0] in LOGGED_LIBRARIES]


def _remove_filter(redactor: logging.Filter) -> None:
    for logger in _library_loggers():
        logger.removeFilter(redactor)


def _redact(text: str, secret: str | None) -> str:
    return text.replace(secret, "***") if secret else text


SERVER_TIMINGS = {
    "prompt_ms": "prompt_eval_s",
    "predicted_ms": "generation_s",
    "prompt_n": "prompt_evaluated_tokens",
    "cache_n": "prompt_cached_tokens",
    "predicted_n": "generated_tokens",
}
"""llama.cpp's per-request timings, as they are summed into a Document's provenance.timings."""


def _add_server_timings(total: dict[str, float], completion: Any) -> None:
    """Sum the timings llama.cpp attaches to a completion (other servers attach none)."""
    reported = (getattr(completion, "model_extra", None) or {}).get("timings")
    if not isinstance(reported, dict):
        return
    for source, name in SERVER_TIMINGS.items():
        value = reported.get(source)
        if isinstance(value, int | float):
            scale = 1000.0 if source.endswith("_ms") else 1.0
            total[name] = total.get(name, 0.0) + value / scale


@dataclass(frozen=True)
class Sampling:
    """The output budget and temperature of one request."""

    max_tokens: int
    temperature: float = 0.0

    def doubled(self) -> Sampling:
        """The same request with twice the output budget (after a truncated answer)."""
        return Sampling(2 * self.max_tokens, self.temperature)


@dataclass(frozen=True)
class Answer(Generic[Model]):
    """A validated answer, its canonical JSON (for the conversation) and the server's timings.

    What it cost is charged to the open meters (extractor.llm.metering), failed calls included.
    """

    value: Model
    content: str
    server_timings: dict[str, float] = field(default_factory=dict)


async def _count_request(request: Any) -> None:
    """Charge every HTTP request sent, whatever becomes of its answer."""
    charge(llm_calls=1)


def _charge_tokens(reported: Any) -> None:
    """Charge the tokens a completion (or instructor's failed attempts) reported, if any."""
    prompt = getattr(reported, "prompt_tokens", None)
    completion = getattr(reported, "completion_tokens", None)
    charge(
        prompt_tokens=prompt if isinstance(prompt, int) else 0,
        completion_tokens=completion if isinstance(completion, int) else 0,
    )


class LLMClient:
    """Structured chat completions over the OpenAI protocol, with instructor in one mode."""

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str | None,
        model: str,
        timeout: float,
        mode: instructor.Mode = instructor.Mode.JSON_SCHEMA,
        cache: ResponseCache | None = None,
        cache_identity: str | None = None,
        seed: int = 0,
    ) -> None:
        self.base_url = base_url
        self.shown_url = without_password(base_url)
        """The URL as messages show it: its password masked."""
        self.cache_identity = cache_identity or base_url
        self.model = model
        self.timeout = timeout
        self.mode = mode
        self.cache = cache
        self.seed = seed
        self._api_key = api_key
        self._clients: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, instructor.AsyncInstructor
        ] = weakref.WeakKeyDictionary()
        self._redactor: weakref.finalize[[logging.Filter], LLMClient] | None = None
        if api_key:
            redactor = _RedactSecret(api_key)
            for logger in _library_loggers():
                logger.addFilter(redactor)
            self._redactor = weakref.finalize(self, _remove_filter, redactor)

    def close(self) -> None:
        """Stop redacting this client's secret from the libraries' logs (idempotent)."""
        if self._redactor is not None:
            self._redactor()

    def _client_for_this_loop(self) -> instructor.AsyncInstructor:
        """One openai client per event loop, kept for every call made on it.

        Building a client loads the TLS certificates (tens of ms of CPU); per call, that work
        serialized on the loop and left a remote endpoint idle between waves of answers.
        """
        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None:
            raw = openai.AsyncOpenAI(
                base_url=self.base_url,
                api_key=self._api_key or "no-key",
                timeout=self.timeout,
                max_retries=0,
                http_client=openai.DefaultAsyncHttpxClient(
                    event_hooks={"request": [_count_request]}
                ),
            )
            client = self._clients[loop] = instructor.from_openai(raw, mode=self.mode)
        return client

    async def release_this_loop(self) -> None:
        """Close this event loop's HTTP client while the loop still runs, so that nothing is
        left for a later loop to clean up (openai's own client schedules that on whichever loop
        runs when it is collected: "Task exception was never retrieved … Event loop is closed")."""
        client = self._clients.pop(asyncio.get_running_loop(), None)
        if client is not None and client.client is not None:
            await client.client.close()

    def __repr__(self) -> str:
        shown = f"base_url={self.shown_url!r}, model={self.model!r}, mode={self.mode.name}"
        return f"LLMClient({shown})"

    def _request(
        self,
        messages: list[Message],
        schema: type[BaseModel],
        sampling: Sampling,
    ) -> dict[str, Any]:
        """Everything that determines an answer, as the cache sees it."""
        return {
            "backend": self.cache_identity,
            "model": self.model,
            "mode": self.mode.value,
            "messages": messages,
            "schema": schema.model_json_schema(),
            "max_tokens": sampling.max_tokens,
            "temperature": sampling.temperature,
            "seed": self.seed,
        }

    async def complete(
        self,
        messages: list[Message],
        response_model: type[Model],
        *,
        max_tokens: int,
        temperature: float = 0.0,
    ) -> Answer[Model]:
        """The model's answer as `response_model`; a truncated answer gets one larger budget."""
        sampling = Sampling(max_tokens, temperature)
        key = request_key(self._request(messages, response_model, sampling))
        if self.cache is not None and (cached := self.cache.get(key)) is not None:
            try:
                value = response_model.model_validate_json(cached)
            except ValidationError:
                self.cache.drop(key)  # a damaged row is a miss: asked again, cached afresh
            else:
                charge(cache_hits=1)
                return Answer(value, cached)
        timings: dict[str, float] = {}
        client = self._client_for_this_loop()
        try:
            value = await self._create(client, messages, response_model, sampling, timings)
        except IncompleteOutputException:
            charge(retries=1)
            try:
                value = await self._create(
                    client, messages, response_model, sampling.doubled(), timings
                )
            except IncompleteOutputException as exc:
                raise TruncatedAnswerError(
                    f"the model's answer was cut off at max_tokens={2 * max_tokens} twice; "
                    "the article may be too long for the model's output budget"
                ) from exc
        content = value.model_dump_json()
        if self.cache is not None:
            self.cache.put(key, content)
        return Answer(value, content, timings)

    async def _create(
        self,
        client: instructor.AsyncInstructor,
        messages: list[Message],
        response_model: type[Model],
        sampling: Sampling,
        timings: dict[str, float],
    ) -> Model:
        """One request with transport retries; what retrying cannot fix becomes BackendError."""
        try:
            async for attempt in transport_retrying():
                with attempt:
                    if attempt.retry_state.attempt_number > 1:
                        charge(retries=1)
                    value, completion = await self._send(client, messages, response_model, sampling)
                    _charge_tokens(completion.usage)
                    _add_server_timings(timings, completion)
                    return value
        except openai.AuthenticationError:
            raise BackendError(
                f"the endpoint {self.shown_url} refused the API key (HTTP 401): "
                "set `api_key` (or OPENAI_API_KEY) to a valid key for it"
            ) from None
        except openai.PermissionDeniedError:
            raise BackendError(
                f"the endpoint {self.shown_url} denied access (HTTP 403): check that the API key "
                f"may use model {self.model!r}"
            ) from None
        except openai.APIStatusError as exc:
            raise BackendError(
                f"the endpoint {self.shown_url} answered HTTP {exc.status_code}: "
                + _redact(exc.message, self._api_key)
            ) from None
        except openai.APIConnectionError as exc:
            raise BackendError(
                f"could not get an answer from {self.shown_url} ({type(exc).__name__}), "
                "even after retrying; is the server running and the timeout long enough?"
            ) from None
        except RequestDeadlineError:
            raise BackendError(
                f"{self.shown_url} did not finish an answer within the request deadline of "
                f"{self.timeout:g} s, even after retrying; raise `timeout`"
            ) from None
        raise AssertionError("tenacity re-raises the last error")  # pragma: no cover

    async def _send(
        self,
        client: instructor.AsyncInstructor,
        messages: list[Message],
        response_model: type[Model],
        sampling: Sampling,
    ) -> tuple[Model, Any]:
        """The instructor call within the request deadline (which covers the whole response, not
        only the wait between bytes); transport errors are unwrapped for the retry policy."""
        try:
            async with asyncio.timeout(self.timeout):
                return await client.chat.completions.create_with_completion(
                    model=self.model,
                    messages=messages,  # type: ignore[arg-type]
                    response_model=response_model,
                    max_tokens=sampling.max_tokens,
                    temperature=sampling.temperature,
                    seed=self.seed,
                    max_retries=SCHEMA_REPAIRS,
                )
        except TimeoutError:
            raise RequestDeadlineError(self.timeout) from None
        except InstructorRetryException as exc:
            if isinstance(exc.__cause__, openai.APIError | IncompleteOutputException):
                raise exc.__cause__ from None
            _charge_tokens(exc.total_usage)
            raise InvalidAnswerError(
                f"the model's answer did not fit the schema of {response_model.__name__} "
                f"after {SCHEMA_REPAIRS + 1} tries: "
                + _redact(_first_reason(exc), self._api_key)[:300]
            ) from None


def _first_reason(exc: InstructorRetryException) -> str:
    """The last failed attempt's error in one line (instructor's own message is a dump)."""
    attempts = exc.failed_attempts or []
    reason = attempts[-1].exception if attempts else exc.__cause__ or exc
    return " ".join(str(reason).split())
