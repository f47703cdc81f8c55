"""Backup and restore, as docs/operations.md describes them: pg_dump -Fc, then pg_restore.

The test database is dumped in PostgreSQL's custom format, restored into a new empty database,
and the practice and a participant's answer are found there. The restored database is dropped
afterwards.
"""

import os
import shutil
import subprocess
import uuid

import psycopg
import pytest
from django.db import connection

from condities import services as condities_services
from tests.faults.conftest import needs_postgres

pytestmark = needs_postgres


def _connection_args() -> dict:
    db = connection.settings_dict
    return {
        "host": db["HOST"] or "127.0.0.1",
        "port": int(db["PORT"] or 5432),
        "user": db["USER"] or "postgres",
        "password": db["PASSWORD"] or None,
    }


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"needs {name} (Debian: postgresql-client)")
    return path


def _libpq_env() -> dict:
    args = _connection_args()
    env = {
        **os.environ,
        "PGHOST": args["host"],
        "PGPORT": str(args["port"]),
        "PGUSER": args["user"],
    }
    if args["password"]:
        env["PGPASSWORD"] = args["password"]
    return env


@pytest.mark.django_db(transaction=True)
def test_a_dump_restores_into_an_empty_database_with_the_data(
    praktijk, open_sessie, sessie_stellingen, tmp_path
):
    pg_dump, pg_restore = _tool("pg_dump"), _tool("pg_restore")
    deelnemer = condities_services.deelnemer_join(
        sessie=open_sessie, naam="Gert", mantelzorger=True
    )
    condities_services.antwoord_save(deelnemer=deelnemer, stelling=sessie_stellingen[0], score=4)

    dump = tmp_path / "lerendepraktijk.dump"
    source = connection.settings_dict["NAME"]
    subprocess.run(
        [pg_dump, "--format=custom", "--no-owner", "--file", str(dump), source],
        env=_libpq_env(), check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    assert dump.stat().st_size > 0

    restored = f"{source}_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(dbname="postgres", autocommit=True, **_connection_args()) as admin:
        admin.execute(f'CREATE DATABASE "{restored}" TEMPLATE template0')
        try:
            result = subprocess.run(
                [pg_restore, "--no-owner", "--exit-on-error", "--dbname", restored, str(dump)],
                env=_libpq_env(), capture_output=True, text=True, timeout=60,
            )  # fmt: skip
            assert result.returncode == 0, result.stderr
            with psycopg.connect(dbname=restored, **_connection_args()) as db:
                naam = db.execute(
                    "SELECT naam FROM praktijken_praktijk WHERE slug = %s", [praktijk.slug]
                ).fetchone()
                antwoord = db.execute(
                    "SELECT d.naam, a.score FROM condities_antwoord a "
                    "JOIN condities_deelnemer d ON d.id = a.deelnemer_id "
                    "WHERE a.stelling_id = %s",
                    [sessie_stellingen[0].pk],
                ).fetchone()
                migrations = db.execute("SELECT count(*) FROM django_migrations").fetchone()
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{restored}" WITH (FORCE)')

    assert naam == (praktijk.naam,)
    assert antwoord == ("Gert", 4)
    assert migrations[0] > 0
