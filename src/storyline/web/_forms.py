"""Forms up to the input size limit: Starlette's parser stops a form field at 1 MB.

FastAPI parses a form with Starlette's defaults before the endpoint runs, and the
parsed form is kept on the request; this route class parses it first, with the field
limit raised to ``max_bytes`` (the largest input storyline reads), so pasted text is
held to the documented limit and a larger field gets the app's own error.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException

from storyline.web._app import state
from storyline.web._errors import ApiError

FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
# Starlette's message when a form field is over the part size limit.
_FIELD_TOO_LARGE = "Field exceeded maximum size"

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


class InputSizedForms(APIRoute):
    """An API route whose form fields may each hold up to ``settings.max_bytes`` bytes."""

    def get_route_handler(self) -> Handler:
        handle = super().get_route_handler()

        async def handle_with_sized_form(request: Request) -> Response:
            if request.headers.get("content-type", "").startswith(FORM_TYPES):
                await _parse_form(request)
            return await handle(request)

        return handle_with_sized_form


async def _parse_form(request: Request) -> None:
    max_bytes = state(request).settings.max_bytes
    try:
        await request.form(max_part_size=max_bytes)
    except HTTPException as e:
        if not str(e.detail).startswith(_FIELD_TOO_LARGE):
            raise
        raise ApiError(
            413,
            "too_large",
            f"a form field is over the limit of {max_bytes:,} bytes; upload the text as a "
            "file, split it, or raise max_bytes",
        ) from e
