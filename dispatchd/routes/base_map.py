"""The centre's base map: what it is, the whole file (consoles keep it offline) and its tiles."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response

from dispatchd import base_map
from dispatchd.auth import Principal
from dispatchd.context import AppContext, CtxDep, PrincipalDep
from dispatchd.problems import Problem

router = APIRouter(prefix="/api/v1/map", tags=["map"])
MEDIA_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"}


def _described(ctx: AppContext) -> dict[str, Any]:
    with ctx.storage.read() as tx:
        found = tx.get(base_map.MAP, base_map.BASE)
    if found is None or not (ctx.config.data_dir / base_map.FILE_NAME).exists():
        raise Problem(404, "No base map", "This centre has no base map yet: dispatchd import-map FILE.mbtiles.")
    return found


@router.get("")
def describe(ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> dict[str, Any]:
    return _described(ctx)


@router.get("/file")
def whole_file(request: Request, ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> Response:
    """The MBTiles file (ETag: its sha256; a console that has it gets 304)."""
    found = _described(ctx)
    etag = f'"{found["sha256"]}"'
    if request.headers.get("If-None-Match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    return FileResponse(
        ctx.config.data_dir / base_map.FILE_NAME,
        media_type="application/x-sqlite3",
        headers={"ETag": etag},
        filename="basemap.mbtiles",
    )


@router.get("/tiles/{z}/{x}/{y}")
def one_tile(z: int, x: int, y: str, ctx: AppContext = CtxDep, _: Principal = PrincipalDep) -> Response:
    """XYZ tile (`y` may end in its format's extension, as tile URLs do)."""
    found = _described(ctx)
    row = y.split(".", 1)[0]
    if not row.isdigit():
        raise Problem(404, "No such tile", f"{y} is not a tile row.")
    data = base_map.tile(ctx.config.data_dir / base_map.FILE_NAME, z, x, int(row))
    if data is None:
        return Response(status_code=204)  # outside the map: Leaflet shows nothing there
    return Response(data, media_type=MEDIA_TYPES.get(found["format"], "image/png"),
                    headers={"Cache-Control": "max-age=3600"})  # fmt: skip
