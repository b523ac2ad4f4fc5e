"""One JSON shape for every error the API answers, and the handlers that produce it.

Clients get `{"error": <code>, "message": <text>, "fields": [...]}` whatever went wrong, so they
need one parser. Anything unexpected is logged with its traceback and answered with a plain 500:
only a bug in this code can get there (the schema test checks that no input does).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

log = logging.getLogger(__name__)


class FieldError(BaseModel):
    field: str = Field(description="Where the bad value is, e.g. `body.target` or `query.limit`.")
    message: str = Field(description="What is wrong with it.")


class ErrorOut(BaseModel):
    """The body of every error answer."""

    error: str = Field(description="A stable code: `unauthorized`, `not_found`, `invalid`, ...")
    message: str = Field(description="A sentence for people.")
    fields: list[FieldError] = Field(default_factory=list, description="Invalid inputs, if any.")


class ApiError(Exception):
    """Raised by handlers to answer with an error; becomes an ErrorOut."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        fields: list[FieldError] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.fields = fields or []
        self.headers = headers


def invalid(field: str, message: str) -> ApiError:
    """A 422 for one input the schema let through but the meaning does not (e.g. a private URL)."""
    return ApiError(
        422, "invalid", f"{field}: {message}", fields=[FieldError(field=field, message=message)]
    )


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"{what} not found")


def _error(response: ErrorOut, status: int, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(response.model_dump(), status_code=status, headers=headers)


def _describe(status: int) -> tuple[str, str]:
    names = {
        400: ("bad_request", "the request is malformed"),
        401: ("unauthorized", "authentication required"),
        404: ("not_found", "no such resource"),
        405: ("method_not_allowed", "method not allowed here"),
        413: ("too_large", "the request body is too large"),
        415: ("unsupported_media_type", "send JSON"),
        429: ("rate_limited", "too many requests"),
    }
    return names.get(status, ("error", "the request failed"))


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        body = ErrorOut(error=exc.code, message=exc.message, fields=exc.fields)
        return _error(body, exc.status, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [_field_error(item) for item in exc.errors()]
        message = "; ".join(f"{f.field}: {f.message}" for f in fields) or "invalid request"
        return _error(ErrorOut(error="invalid", message=message, fields=fields), 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:
            # FastAPI's answer to a body it cannot decode: for clients that is one more invalid
            # input, so it gets the same 422 as every other.
            field = FieldError(field="body", message="is not valid JSON")
            return _error(
                ErrorOut(error="invalid", message="body: is not valid JSON", fields=[field]), 422
            )
        code, default = _describe(exc.status_code)
        message = exc.detail if isinstance(exc.detail, str) and exc.detail else default
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return _error(ErrorOut(error=code, message=message), exc.status_code, headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        body = ErrorOut(error="internal", message="internal error; it has been logged")
        return _error(body, 500)


def _allowed_methods(request: Request) -> list[str]:
    """Every method the path answers. Starlette names only the first route's, but GET, PATCH
    and DELETE of one path are separate routes here, so each method is tried in turn."""
    return [
        method
        for method in ("GET", "POST", "PUT", "PATCH", "DELETE")
        if any(
            route.matches({**request.scope, "method": method})[0] == Match.FULL
            for route in request.app.routes
        )
    ]


def _field_error(item: dict[str, Any]) -> FieldError:
    location = ".".join(str(part) for part in item.get("loc", ()))
    return FieldError(field=location or "request", message=str(item.get("msg", "invalid")))


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries for the error statuses an operation can answer."""
    descriptions = {
        401: "Missing, unknown or revoked token.",
        404: "No such resource, or it belongs to another token.",
        409: "The resource is not in a state that allows this.",
        413: "The request body exceeds the configured limit.",
        422: "An input is invalid; `fields` names it.",
        429: "Rate limit exceeded; retry after the `Retry-After` seconds.",
    }
    return {status: {"model": ErrorOut, "description": descriptions[status]} for status in statuses}
