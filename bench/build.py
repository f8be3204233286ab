"""Issue 13's build target: ``python -m loaders fetch`` then ``build`` from the mirror into a fresh cache, as
subprocesses (what an operator runs), wall and CPU time, beside copying the mirror's files."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed_command(args: list[str], env: dict) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child and its own children) of one command that must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def copy_mirror_seconds(mirror: Path) -> float:
    """The naive floor: copying every mirror file into a scratch folder (no parsing, checks or store)."""
    target = Path(tempfile.mkdtemp(prefix="bench-copy-")) / "mirror"
    start = time.perf_counter()
    shutil.copytree(mirror, target)
    seconds = time.perf_counter() - start
    shutil.rmtree(target.parent)
    return seconds


def build_bench(cache_dir: Path, add) -> None:
    """Fetch and build into ``cache_dir`` (empty), which the rest of the bench then reads."""
    env = {**os.environ, "MIGRATION_CACHE_DIR": str(cache_dir)}
    fetch_wall, fetch_cpu = timed_command([sys.executable, "-m", "loaders", "fetch"], env)
    build_wall, build_cpu = timed_command([sys.executable, "-m", "loaders", "build"], env)
    copy_s = copy_mirror_seconds(Path(os.environ["MIGRATION_DATA_MIRROR"]))
    add("full fetch + build from the mirror (2 subprocesses)", fetch_wall + build_wall, "s", 45.0, baseline=copy_s,
        note=f"CPU {fetch_cpu + build_cpu:.1f} s; fetch {fetch_wall:.1f} s wall / {fetch_cpu:.1f} s CPU, build "
             f"{build_wall:.1f} s / {build_cpu:.1f} s; baseline: copy the mirror's files")
