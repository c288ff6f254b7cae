"""One error shape for every failure (JSON under /api, an HTML page elsewhere), and the
security headers every answer carries.

The JSON shape is ``{"error": {"code": str, "message": str, "status": int}}`` (plus
``details`` listing the inputs at fault when an upload is refused).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from storyline.errors import StoreError, StorylineError
from storyline.web._schemas import ErrorBody, ErrorOut, InputError

log = logging.getLogger(__name__)

# Stable codes for the HTTP statuses the app answers with; others use the status phrase.
CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_request",
    500: "internal_error",
}
JSON_PREFIXES = ("/api/", "/openapi.json")
# Only the app's own files may load; no inline script or style, no framing, no plugins.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
HtmlRenderer = Callable[[Request, int, str], str]


class ApiError(Exception):
    """An error a route raises on purpose, with its code, status and message."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        details: Sequence[InputError] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = list(details) if details is not None else None


def error_json(
    status: int, code: str, message: str, details: list[InputError] | None = None
) -> JSONResponse:
    """Return the JSON error response."""
    body = ErrorOut(error=ErrorBody(code=code, message=message, status=status, details=details))
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status)


def install_error_handlers(app: FastAPI, render_html: HtmlRenderer) -> None:
    """Answer every error in the one shape: JSON for the API, an HTML page for pages."""

    def respond(request: Request, error: ApiError) -> Response:
        """Answer as JSON or HTML, with the security headers (an error skips the middleware)."""
        if request.url.path.startswith(JSON_PREFIXES):
            response: Response = error_json(error.status, error.code, error.message, error.details)
        else:
            page = render_html(request, error.status, error.message)
            response = HTMLResponse(page, status_code=error.status)
        response.headers.update(SECURITY_HEADERS)
        return response

    async def on_api_error(request: Request, exc: Exception) -> Response:
        if not isinstance(exc, ApiError):
            return await on_unhandled(request, exc)
        return respond(request, exc)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        message = str(exc.detail) if isinstance(exc, HTTPException) else str(exc)
        return respond(request, ApiError(status, _code(status), _message(status, message)))

    async def on_invalid(request: Request, exc: Exception) -> Response:
        problems = exc.errors() if isinstance(exc, RequestValidationError) else []
        message = "; ".join(_problem(problem) for problem in problems) or "invalid request"
        return respond(request, ApiError(422, CODES[422], message))

    async def on_storyline_error(request: Request, exc: Exception) -> Response:
        log.error("storyline error on %s: %s", request.url.path, exc)
        code = "store_error" if isinstance(exc, StoreError) else CODES[500]
        return respond(request, ApiError(500, code, str(exc)))

    async def on_unhandled(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path, exc_info=exc)
        message = "internal error; the server log has the details"
        return respond(request, ApiError(500, CODES[500], message))

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_invalid)
    app.add_exception_handler(StorylineError, on_storyline_error)
    app.add_exception_handler(Exception, on_unhandled)


def _code(status: int) -> str:
    if status in CODES:
        return CODES[status]
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_")
    except ValueError:
        return "error"


def _message(status: int, detail: str) -> str:
    if status == 404 and detail in ("Not Found", ""):
        return "no such page; check the address"
    return detail


def _problem(problem: object) -> str:
    """Return one validation problem as 'where: what'."""
    if not isinstance(problem, dict):
        return str(problem)
    where = ".".join(str(part) for part in problem.get("loc", ()))
    return f"{where}: {problem.get('msg', 'invalid')}"
