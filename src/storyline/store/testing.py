"""A throwaway PostgreSQL cluster for tests and benchmarks: ``temporary_postgres()``.

    with temporary_postgres() as dsn:       # "postgresql://storyline@/postgres?host=…"
        store = open_store(dsn)

It runs ``initdb`` into a new temporary folder, starts ``postgres`` on a Unix socket
in that folder (no TCP port is opened) with ``pg_ctl``, and stops and deletes it on
exit. Binaries are looked up in PATH, then in Debian's ``/usr/lib/postgresql/*/bin``
(``apt-get install postgresql``). PostgreSQL refuses to run as root, so under root
the server runs as the ``postgres`` user when it exists, else as ``nobody``.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from storyline.errors import StoreError

# Where Debian and Ubuntu put the server binaries (one folder per major version).
DEBIAN_BIN_GLOB = "/usr/lib/postgresql/*/bin"
# Users an unprivileged server may run as when we are root, in order of preference.
SERVER_USERS = ("postgres", "nobody")
# Seconds pg_ctl waits for the server to start or stop.
PG_CTL_TIMEOUT_S = 60
# The port only names the socket file (no TCP listener), so any fixed number will do.
SOCKET_PORT = 5432
# Durability off: a throwaway cluster need not survive a crash, and fsync slows tests.
SERVER_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
SUPERUSER = "storyline"


def postgres_bin() -> Path | None:
    """Return the folder holding initdb, pg_ctl and postgres, or None when absent."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(Path("/").glob(DEBIAN_BIN_GLOB.lstrip("/")), key=_major_version)
    for folder in reversed(candidates):
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _major_version(folder: Path) -> int:
    """The PostgreSQL major version a Debian bin folder belongs to."""
    name = folder.parent.name
    return int(name) if name.isdigit() else 0


@contextlib.contextmanager
def temporary_postgres(bin_dir: Path | None = None, *, durable: bool = False) -> Iterator[str]:
    """Start a throwaway PostgreSQL server; yield its URL; stop and delete it on exit.

    With ``durable`` the server syncs commits to disk as a real one does (for benchmarks);
    without it, fsync is off, which is faster and enough for tests.
    """
    folder = bin_dir or postgres_bin()
    if folder is None:
        raise StoreError(
            "PostgreSQL server binaries not found (initdb, pg_ctl); "
            "install them with `apt-get install postgresql`"
        )
    base = Path(tempfile.mkdtemp(prefix="storyline-pg-"))
    user = _server_user()
    try:
        _hand_over(base, user)
        data = base / "data"
        _run([str(folder / "initdb"), "-D", str(data), *_INITDB_FLAGS], user)
        _run([str(folder / "pg_ctl"), *_start_flags(data, base, durable)], user)
        try:
            yield f"postgresql://{SUPERUSER}@/postgres?host={base}&port={SOCKET_PORT}"
        finally:
            _run([str(folder / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], user)
    finally:
        shutil.rmtree(base, ignore_errors=True)


_INITDB_FLAGS = ("-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync")


def _start_flags(data: Path, base: Path, durable: bool) -> list[str]:
    """pg_ctl arguments that start the server on a socket in the cluster folder."""
    options = f"-k {base} -p {SOCKET_PORT} -c listen_addresses=''"
    if not durable:
        options += f" {SERVER_OPTIONS}"
    log = base / "server.log"
    timeout = str(PG_CTL_TIMEOUT_S)
    return ["-D", str(data), "-l", str(log), "-o", options, "-w", "-t", timeout, "start"]


def _server_user() -> str | None:
    """The user the server runs as: None for ourselves, a named user when we are root."""
    if os.geteuid() != 0:
        return None
    for name in SERVER_USERS:
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise StoreError(
        "running as root and no unprivileged user to run PostgreSQL as; "
        "create one with `useradd postgres`"
    )


def _hand_over(base: Path, user: str | None) -> None:
    """Let the server's user own the cluster folder."""
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(base, entry.pw_uid, entry.pw_gid)
    base.chmod(0o755)


def _run(command: list[str], user: str | None) -> None:
    """Run one server command (as ``user`` when given); raise StoreError with its output."""
    full = ["runuser", "-u", user, "--", *command] if user else command
    done = subprocess.run(full, capture_output=True, text=True, check=False, cwd="/")
    if done.returncode != 0:
        output = (done.stderr or done.stdout).strip()[-2000:]
        raise StoreError(f"`{' '.join(command[:2])}` failed: {output}")
