"""Reading configuration from the process environment.

Every setting that differs between a laptop, CI and a deployment is read here,
so the settings modules stay declarative.
"""

import os

import dj_database_url


def env_str(name: str, default: str = "") -> str:
    """The variable's value, or ``default`` when unset or empty."""
    return os.environ.get(name, "").strip() or default


def env_bool(name: str, default: bool = False) -> bool:
    """``1/true/yes/on`` (any case) as True, ``0/false/no/off`` as False."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{name} must be a boolean (true/false), got {value!r}")


def env_int(name: str, default: int) -> int:
    """An integer variable; a non-integer value stops start-up with its name."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ValueError(f"{name} must be an integer, got {value!r}") from error


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """A comma-separated variable as a list, blanks dropped."""
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default or [])


def database_config(default_sqlite_path) -> dict:
    """``DATABASE_URL`` as a Django database, else the project's SQLite file."""
    url = env_str("DATABASE_URL", f"sqlite:///{default_sqlite_path}")
    config = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    config["CONN_HEALTH_CHECKS"] = True
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # A web request and a management command may write at the same time
        # on a developer machine; wait for the lock instead of failing.
        config["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
        config["CONN_MAX_AGE"] = 0
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # The planner's defaults suit a large analytical database on spinning disks, not a site's small,
        # cached one answering short queries:
        # - jit: compiling a query it expects to be costly (a plan over a large archive) took 60–700 ms,
        #   for queries that run in a few milliseconds once indexes cut them short;
        # - random_page_cost: at the default 4 it read the whole page table (30 MB at 50,000 articles) to
        #   count visible articles rather than the covering index home.0005 made for it (20 → 9 ms);
        # - parallel workers: starting them cost 4–8 ms on queries that then ran in under one.
        config.setdefault("OPTIONS", {})["options"] = (
            "-c jit=off -c random_page_cost=1.1 -c max_parallel_workers_per_gather=0"
        )
    return config


def cache_config() -> dict:
    """Redis when ``REDIS_URL`` is set, a per-process memory cache otherwise."""
    redis_url = env_str("REDIS_URL")
    if redis_url:
        return {
            "default": {
                "BACKEND": "cms.redis_cache.ResilientRedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "cms"),
                "TIMEOUT": env_int("CACHE_TIMEOUT", 300),
                "OPTIONS": {
                    # A cache outage must not stall requests: fail fast.
                    "socket_connect_timeout": 0.5,
                    "socket_timeout": 0.5,
                },
            }
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "cms-default",
            "TIMEOUT": env_int("CACHE_TIMEOUT", 300),
        }
    }
