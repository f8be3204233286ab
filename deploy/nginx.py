"""Render deploy/nginx.conf.in for given app addresses, and run nginx with it (tests and the bench do, as a plain
user on loopback ports with a temporary prefix).

    python -m deploy.nginx --app 127.0.0.1:8501 --app 127.0.0.1:8502 --listen 127.0.0.1:8080 \\
        --prefix /var/lib/atlas-nginx --embeds /srv/atlas/embeds > /etc/atlas/nginx.conf
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

TEMPLATE = Path(__file__).with_name("nginx.conf.in")
NGINX = "/usr/sbin/nginx"  # Debian's package
MIME_TYPES = "/etc/nginx/mime.types"
TEMP_DIRS = ("body", "proxy", "fastcgi", "uwsgi", "scgi")


# seconds a process that refused a connection is left out (nginx's passive health check, fail_timeout)
LEFT_OUT_S = 10

def render(apps: list[str], listen: str, prefix: Path, embeds: Path | None = None, *, workers: str = "auto",
           user: str | None = None, foreground: bool = False, debug_upstream: bool = False) -> str:
    """The nginx config for the app processes at ``apps`` (host:port), served at ``listen``.

    ``prefix`` holds the pid, the logs, the temp files and the cache of immutable files; ``embeds`` is the folder
    ``python -m dashboard.export embeds`` wrote (served at /embeds/). ``debug_upstream`` adds an ``X-Upstream``
    header naming the process that answered (for tests: it tells readers which process is theirs).
    """
    if not apps:
        raise ValueError("at least one app process")
    fields = {
        "user": f"user {user};" if user else "",
        "workers": workers,
        "prefix": str(prefix),
        "daemon": "daemon off;" if foreground else "",
        "mime_types": MIME_TYPES,
        "servers": "\n".join(f"        server {app} max_fails=1 fail_timeout={LEFT_OUT_S}s;" for app in apps),
        "listen": listen,
        "embeds": str(embeds if embeds is not None else prefix / "embeds"),
        "debug_header": "            add_header X-Upstream $upstream_addr;" if debug_upstream else "",
    }
    text = re.sub(r"%%(\w+)%%", lambda m: fields[m.group(1)], TEMPLATE.read_text(encoding="utf-8"))
    assert "%%" not in text, "a placeholder of nginx.conf.in was left unfilled"
    return text


def prepare(prefix: Path) -> None:
    """The folders nginx writes into under ``prefix``."""
    for name in TEMP_DIRS:
        (prefix / "tmp" / name).mkdir(parents=True, exist_ok=True)
    (prefix / "cache").mkdir(parents=True, exist_ok=True)


class Proxy:
    """nginx in the foreground with a rendered config under ``prefix``; stopped (by its own pid) on ``stop``."""

    def __init__(self, apps: list[str], port: int, prefix: Path, embeds: Path | None = None, **options):
        self.url = f"http://127.0.0.1:{port}"
        self.prefix = prefix
        prepare(prefix)
        self.config = prefix / "nginx.conf"
        # Started by root (CI, containers), nginx's workers would run as "nobody", who cannot enter a private
        # temporary prefix (pytest's are 0700): on loopback, for a test, they run as the user who started them.
        if os.geteuid() == 0:
            options.setdefault("user", "root")
        self.config.write_text(render(apps, f"127.0.0.1:{port}", prefix, embeds, foreground=True, **options))
        nginx = shutil.which("nginx") or NGINX
        check = subprocess.run([nginx, "-t", "-p", str(prefix), "-c", str(self.config)], capture_output=True,
                               text=True)
        if check.returncode != 0:
            raise RuntimeError(f"nginx refused the config: {check.stderr}")
        self._log = open(prefix / "nginx.out", "w")
        self.process = subprocess.Popen([nginx, "-p", str(prefix), "-c", str(self.config)], stdout=self._log,
                                        stderr=subprocess.STDOUT)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/embeds/", timeout=2)
                return
            except urllib.error.HTTPError:
                return  # nginx answers (a 403/404 for the folder itself is still an answer)
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"nginx did not start; see {prefix / 'error.log'}")

    def worker_pids(self) -> list[int]:
        """nginx's worker processes (the ones that serve requests), for CPU accounting."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(p) for p in children.read_text().split()] if children.exists() else []

    def stop(self) -> None:
        self.process.terminate()  # SIGTERM: nginx's fast shutdown, workers included
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.nginx", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--app", action="append", required=True, help="an app process, host:port (repeat)")
    parser.add_argument("--listen", default="127.0.0.1:8080", help="nginx's address (default 127.0.0.1:8080)")
    parser.add_argument("--prefix", required=True, type=Path, help="pid, logs, temp files, cache")
    parser.add_argument("--embeds", type=Path, help="the folder of static embeds, served at /embeds/")
    parser.add_argument("--workers", default="auto")
    parser.add_argument("--user", help="the user nginx's workers run as when started by root (e.g. www-data)")
    parser.add_argument("--foreground", action="store_true", help="daemon off (systemd, containers)")
    args = parser.parse_args(argv)
    prepare(args.prefix)
    sys.stdout.write(render(args.app, args.listen, args.prefix, args.embeds, workers=args.workers, user=args.user,
                            foreground=args.foreground))
    return 0


if __name__ == "__main__":
    sys.exit(main())
