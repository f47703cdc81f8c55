"""The benchmarks' own PostgreSQL database: created at the start of a run, dropped at the end.

A run drops its database, so the name must contain a marker word ("bench", "scale"): a
DATABASE_URL pointing at a real database is refused, never emptied.
"""

from urllib.parse import unquote, urlsplit

import psycopg
from psycopg import sql


def server_and_name(url: str, *, marker: str) -> tuple[str, dict]:
    """The database name in `url` and how to reach its server (through the `postgres` database)."""
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql"}:
        raise SystemExit("DATABASE_URL must be a postgres:// URL: the benchmarks need PostgreSQL.")
    name = unquote(parts.path.lstrip("/"))
    if marker not in name:
        raise SystemExit(
            f"Refusing to use the database {name!r}: the run drops its database at the end, "
            f"so its name must contain {marker!r} (for example lp_{marker})."
        )
    server = {
        "host": parts.hostname or "127.0.0.1",
        "port": parts.port or 5432,
        "user": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "dbname": "postgres",
        "connect_timeout": 5,
    }
    return name, server


def create(url: str, *, marker: str) -> None:
    """A new, empty database (an earlier run's leftover is dropped first)."""
    name, server = server_and_name(url, marker=marker)
    with psycopg.connect(**server, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop(url: str, *, marker: str) -> None:
    name, server = server_and_name(url, marker=marker)
    with psycopg.connect(**server, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
